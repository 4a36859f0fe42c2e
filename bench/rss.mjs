// Preloaded into a measured process (node --import): on exit, append its peak
// resident memory (KiB) to the file named by RESPOND_BENCH_RSS.
import { appendFileSync } from "node:fs";

const file = process.env.RESPOND_BENCH_RSS;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
