import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { verifierManifeste, urlsDuManifeste } from "./harnais/manifeste";

const RACINE = path.resolve(__dirname, "../..");
const URL_DEV = "https://localhost:3000/";
/** Files the build produces (not in the sources). */
const PRODUITS = new Set(["taskpane.html", "functions.js", "functions.json"]);

describe("manifest.xml (vérifications hors ligne)", () => {
  const xml = readFileSync(path.join(RACINE, "manifest.xml"), "utf8");

  it("conforme : ordre des éléments, resid, runtime partagé, https, espace de noms REMB", () => {
    assert.deepEqual(verifierManifeste(xml, { urlBase: URL_DEV }), []);
  });

  it("chaque URL désigne un fichier du complément (assets/ dans les sources, ou produit par le build)", () => {
    for (const u of urlsDuManifeste(xml)) {
      if (!u.startsWith(URL_DEV)) continue;
      const relatif = u.slice(URL_DEV.length);
      assert.ok(PRODUITS.has(relatif) || existsSync(path.join(RACINE, relatif)), `${u} : ${relatif} introuvable`);
    }
  });

  describe("le vérificateur détecte les défauts", () => {
    const casses: [string, (s: string) => string, RegExp][] = [
      ["XML mal formé", (s) => s.replace("</Hosts>", ""), /mal formé/],
      ["ordre des éléments", (s) => s.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"), /mal placé/],
      ["resid non défini", (s) => s.replace('resid="Bouton.Infobulle"', 'resid="Bouton.Inexistant"'), /non défini/],
      ["resid de plus de 32 caractères", (s) => s.split("Demarrage.EnSavoirPlus").join("Demarrage.EnSavoirPlusDeDetailsIci"), /32/],
      ["runtime non partagé", (s) => s.replace('<FunctionFile resid="Volet.Url" />', '<FunctionFile resid="Fonctions.Script.Url" />'), /runtime partagé/],
      ["lifetime court", (s) => s.replace('lifetime="long"', 'lifetime="short"'), /lifetime/],
      ["URL http", (s) => s.replace("https://localhost:3000/assets/icon-16.png", "http://localhost:3000/assets/icon-16.png"), /non https/],
      ["espace de noms", (s) => s.replace('id="Fonctions.Espace" DefaultValue="REMB"', 'id="Fonctions.Espace" DefaultValue="CONTOSO"'), /REMB/],
      ["permission trop large", (s) => s.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /Permissions/],
      ["langue", (s) => s.replace("<DefaultLocale>fr-FR</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"), /fr-FR/],
    ];
    for (const [nom, casser, motif] of casses) {
      it(nom, () => {
        const modifie = casser(xml);
        assert.notEqual(modifie, xml, "la modification n'a rien changé");
        const p = verifierManifeste(modifie, { urlBase: URL_DEV });
        assert.ok(
          p.some((m) => motif.test(m)),
          JSON.stringify(p),
        );
      });
    }
  });
});
