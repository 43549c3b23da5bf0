// Writes the French help pages (assets/help/*.html) with example results computed by the real functions.
// Run `npx tsx scripts/aide.ts` after changing a function, its JSDoc or src/functions/aide/contenu.ts;
// test/functions/aide.test.ts fails while a committed page is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pagesAide } from "../src/functions/aide/pages";

void pagesAide().then((pages) => {
  for (const [nom, html] of pages) writeFileSync(path.resolve(__dirname, "../assets/help", nom), html);
  console.log(`${pages.size} pages d'aide écrites dans assets/help.`);
});
