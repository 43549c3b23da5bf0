import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { verifierGrille } from "../../src/core/responsable";
import { lancer, RACINE } from "./outils";

/**
 * The README's « Vérifier une grille en ligne de commande » examples are real output: each ```text block starting with
 * `$ npx remb …` is run (in-process, real validator) and must match, a « … » line standing for lines left out.
 */
const README = readFileSync(path.join(RACINE, "README.md"), "utf8");
const EXEMPLES = [...README.matchAll(/```text\n\$ npx remb ([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.split(" "), attendu: m[2]! }));

describe("cli: README examples are real output", () => {
  it("the README has the two sample-grid examples", () => {
    assert.deepEqual(
      EXEMPLES.map((e) => e.args.join(" ")),
      ["verifier assets/grilles/conforme.csv", "verifier assets/grilles/erreurs.xlsx"],
    );
  });

  for (const e of EXEMPLES) {
    it(`npx remb ${e.args.join(" ")}`, async () => {
      const r = await lancer(e.args, { verifier: verifierGrille });
      const morceaux = e.attendu.split("…\n");
      // Pieces in order: the first at the start, the last at the end, the others in between.
      let depuis = 0;
      morceaux.forEach((m, i) => {
        const ou = i === morceaux.length - 1 ? r.stdout.length - m.length : r.stdout.indexOf(m, depuis);
        assert.ok(
          ou >= depuis && r.stdout.slice(ou, ou + m.length) === m && (i > 0 || ou === 0),
          `README, exemple « ${e.args.join(" ")} » : morceau ${i + 1} absent de la sortie réelle :\n${m}\n--- sortie :\n${r.stdout}`,
        );
        depuis = ou + m.length;
      });
    });
  }
});
