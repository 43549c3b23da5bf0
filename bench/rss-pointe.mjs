// Preloaded by bench/hostiles.bench.ts (`node --import ./bench/rss-pointe.mjs bin/remb.mjs …`): writes the process's
// peak resident memory on stderr when it exits, where the bench reads it. Portable, unlike /usr/bin/time -v.
process.on("exit", () => {
  process.stderr.write(`\nREMB_RSS_MAX_KO=${process.resourceUsage().maxRSS}\n`);
});
