/** The Action's entry point (dist/index.js): the real environment and toolkit, then run(). */
import { actionsCore } from "./core-adapter.ts";
import { run } from "./main.ts";

await run({ env: process.env, core: actionsCore() });
