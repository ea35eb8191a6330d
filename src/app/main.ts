/**
 * `npm start`: runs the App with Probot's server. Without APP_ID (and a private key), Probot
 * serves its setup page, which registers the app on GitHub from app.yml and writes .env.
 * Probot loads .env before the app function runs, so the app reads its settings
 * (PLAN_ALIGN_*) there; a bad value stops it with a message saying what to set.
 */
import { run } from "probot";
import { createPlanAlignApp } from "./index.ts";

await run(createPlanAlignApp().app);
