#!/usr/bin/env node
// The installed `plan-align` command: the CLI bundled by `npm run build` (src/cli/main.ts).
import { runCli } from "../dist/cli.js";

await runCli();
