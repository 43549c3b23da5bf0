import { executer, fixtures } from "./fixtures";

for (const famille of ["import", "csv", "json"]) {
  describe(`grille: import fixtures (test/fixtures/grilles/${famille})`, () => {
    for (const [nom, f] of fixtures(famille)) {
      it(`${nom} — ${f.description.slice(0, 110)}`, () => executer(nom, f));
    }
  });
}
