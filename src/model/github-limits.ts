/**
 * GitHub's size limits that plan-align's texts must fit. One home, so the renderer that cuts a
 * text and the port that sends it agree on the number.
 */

/** A check run's `output.summary` and `output.text`, in bytes. */
export const CHECK_RUN_TEXT_BYTES = 65_535;
/** A check run's `output.title`, in characters. */
export const CHECK_RUN_TITLE_CHARS = 255;
/** Annotations GitHub accepts in one check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** An issue's body, in characters. */
export const ISSUE_BODY_CHARS = 65_536;
/** An issue's title, in characters. */
export const ISSUE_TITLE_CHARS = 256;
/** A label's name, in characters. */
export const LABEL_NAME_CHARS = 50;
/** A label's description, in characters. */
export const LABEL_DESCRIPTION_CHARS = 100;
