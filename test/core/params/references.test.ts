import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FICHIERS_PARAMETRES } from "../../../src/core/params";
import { ARTICLES } from "../../../src/core/params/articles";
import { jamaisEnVigueur, normaliserTexte, type InstantaneCss, type VersionInstantane } from "../../../src/core/params/instantane";
import type { ParametreJson, Reference, Unite, ValeurJson } from "../../../src/core/params";
import instantaneJson from "../../../src/core/params/textes/css.json";

/**
 * Every reference to a Code de la sécurité sociale article is checked against the committed snapshot of the texts
 * (src/core/params/textes/css.json, written by scripts/legi-instantane.ts from @socialgouv/legi-data):
 * - the cited versions exist, follow each other without gap, and cover the value's dates (a value still in force
 *   must cite the article's last planned version: a new version of the article makes this test fail until
 *   someone reads it and extends the citation);
 * - where a reference quotes the article (`extrait`), every cited version whose text the snapshot holds contains
 *   the quote, and the quote of an amount or rate carries the value itself (« 1 700 euros » for 1700.00);
 * - a reference that names a CSS article in its text without a structured citation fails.
 */

const INSTANTANE = instantaneJson as InstantaneCss;
const INFINI = "9999-12-31";
/** « R871-2 », « L162-5-10 », « D911-1 » in a reference's text. */
const NUMERO_ARTICLE = /\b[LRD]\d{3}(?:-\d+)+\b/g;

interface Compteurs {
  parametres: Set<string>;
  valeurs: number;
  /** Values with at least one citation checked against the snapshot. */
  valeursCitees: number;
  references: number;
  versions: number;
  extraits: number;
}
const compteurs: Compteurs = { parametres: new Set(), valeurs: 0, valeursCitees: 0, references: 0, versions: 0, extraits: 0 };

function versionsDe(article: string): readonly VersionInstantane[] {
  const a = INSTANTANE.articles[article];
  if (!a) throw new Error(`article ${article} absent de l'instantané : lancer « npx tsx scripts/legi-instantane.ts »`);
  return a.versions.filter((v) => !jamaisEnVigueur(v));
}

/** The versions from `de` to `a` (inclusive), in force one after the other. */
function chaine(article: string, de: string, a: string | undefined): VersionInstantane[] {
  const vs = versionsDe(article);
  const i = vs.findIndex((v) => v.id === de);
  const j = a === undefined ? i : vs.findIndex((v) => v.id === a);
  if (i < 0) throw new Error(`${de} n'est pas une version (en vigueur à un moment) de ${article}`);
  if (j < 0) throw new Error(`${a} n'est pas une version (en vigueur à un moment) de ${article}`);
  if (j < i) throw new Error(`${a} est antérieure à ${de}`);
  const c = vs.slice(i, j + 1);
  for (let k = 1; k < c.length; k++) {
    if (c[k - 1]!.fin !== c[k]!.debut) throw new Error(`${article} : trou entre ${c[k - 1]!.id} (fin ${c[k - 1]!.fin}) et ${c[k]!.id} (début ${c[k]!.debut})`);
  }
  return c;
}

/** The last day + 1 of a value: the next value of the same kind (a published value ignores announced ones). */
function finValeur(valeurs: readonly ValeurJson[], i: number): string {
  const v = valeurs[i]!;
  const suivante = valeurs.slice(i + 1).find((x) => v.statut === "annonce" || x.statut !== "annonce");
  return suivante?.debut ?? INFINI;
}

/** How the law writes an amount: « 1 700 euros », « 19,61 euros », « 0,5 euro », « 1 euro » (singular below 2). */
function montantLoi(v: string): string {
  const [e, c = ""] = v.split(".");
  const entier = e!.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const decimales = c.replace(/0+$/, "");
  return `${decimales ? `${entier},${decimales}` : entier} ${Number(v) < 2 ? "euro" : "euros"}`;
}

function echapper(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How the law writes a rate: « 25 » for 0.25, « 6,27 » for 0.0627 (followed by « % » in the text). */
function tauxLoi(v: string): string {
  const x = (Number(v) * 100).toFixed(4).replace(/\.?0+$/, "");
  return x.replace(".", ",");
}

/**
 * The value as the extract must carry it: an amount when the quote has euros, a rate when it has percentages (a
 * quote without figures is about the scope of the paragraph or the text that fixes the value, not the value).
 */
function valeurDansExtrait(unite: Unite, v: ValeurJson["valeur"], extrait: string): string | undefined {
  if (v === null) return undefined;
  if ((unite === "EUR" || unite === "EUR/day") && extrait.includes("euro")) return montantLoi(String(v));
  if (unite === "/1" && extrait.includes("%")) return tauxLoi(String(v));
  return undefined;
}

/** Problems of one structured reference of one value. */
function problemesReference(p: ParametreJson, i: number, r: Reference): string[] {
  const v = p.valeurs[i]!;
  const m: string[] = [];
  let c: VersionInstantane[];
  try {
    c = chaine(r.article!, r.legiarti!, r.legiartiFin);
  } catch (e) {
    return [(e as Error).message];
  }
  compteurs.references++;
  compteurs.versions += c.length;
  const premiere = c[0]!;
  const derniere = c[c.length - 1]!;
  let debut = v.debut;
  if (r.depuis !== undefined && r.depuis > debut) debut = r.depuis;
  if (v.debutInconnu && premiere.debut > debut) debut = premiere.debut;
  const fin = finValeur(p.valeurs, i);
  if (premiere.debut > debut) m.push(`la première version citée (${premiere.id}) n'entre en vigueur que le ${premiere.debut}, après le ${debut}`);
  if (premiere.fin !== null && premiere.fin <= debut)
    m.push(`la première version citée (${premiere.id}) n'est plus en vigueur le ${debut} (fin ${premiere.fin})`);
  if (derniere.debut >= fin) m.push(`la dernière version citée (${derniere.id}) n'entre en vigueur que le ${derniere.debut}, après la valeur (fin ${fin})`);
  if ((derniere.fin ?? INFINI) < fin) {
    const suivante = versionsDe(r.article!).find((x) => x.debut === derniere.fin);
    m.push(
      `la dernière version citée (${derniere.id}) s'arrête le ${derniere.fin}, avant la fin de la valeur (${fin === INFINI ? "toujours en vigueur" : fin}) : ` +
        `lire la version ${suivante?.id ?? "suivante"} (${suivante?.etat ?? "?"}, du ${derniere.fin}) et l'ajouter (legiartiFin)`,
    );
  }
  const ids = new Set(c.map((x) => x.id));
  for (const id of r.texte.match(/LEGIARTI\d{12}/g) ?? []) {
    if (!ids.has(id) && !(r.url ?? "").includes(id)) m.push(`le texte cite ${id}, hors des versions citées`);
  }
  if (r.extrait !== undefined) {
    const extrait = normaliserTexte(r.extrait);
    const attendu = valeurDansExtrait(p.unite, v.valeur, extrait);
    if (attendu !== undefined && !new RegExp(`(^|[^\\d,])${echapper(normaliserTexte(attendu))}(?!\\d|,\\d)`).test(extrait))
      m.push(`l'extrait « ${r.extrait} » ne porte pas la valeur (${attendu})`);
    let lus = 0;
    for (const x of c) {
      if (x.texte === undefined) continue;
      lus++;
      compteurs.extraits++;
      if (!normaliserTexte(x.texte).includes(extrait)) m.push(`« ${r.extrait} » absent du texte de ${x.id} (lu dans la consolidation du ${x.lu})`);
    }
    if (lus === 0)
      m.push(
        `extrait « ${r.extrait} » invérifiable : aucune des versions citées n'a de texte dans l'instantané (ne pas citer d'extrait, ou citer une version lue)`,
      );
  }
  return m;
}

describe("params: references against the snapshot of the CSS (textes/css.json)", () => {
  it("the snapshot comes from the package, newest consolidation first, with every version of each article", () => {
    assert.match(INSTANTANE.source, /@socialgouv\/legi-data/);
    assert.ok(INSTANTANE.paquets.length >= 1);
    const dates = INSTANTANE.paquets.map((p) => p.consolidation);
    assert.deepEqual([...dates].sort().reverse(), dates);
    for (const [num, a] of Object.entries(INSTANTANE.articles)) {
      assert.ok(a.versions.length > 0, num);
      assert.ok(
        a.versions.some((v) => v.texte),
        `${num} : aucun texte`,
      );
    }
  });

  for (const [fichier, f] of Object.entries(FICHIERS_PARAMETRES)) {
    for (const p of f.parametres) {
      it(`${fichier} ${p.nom}`, () => {
        const problemes: string[] = [];
        p.valeurs.forEach((v, i) => {
          compteurs.valeurs++;
          const refs = [v.reference, ...(v.autresReferences ?? [])];
          const structurees = new Set(refs.filter((r) => r.article).map((r) => r.article!));
          if (structurees.size > 0) {
            compteurs.valeursCitees++;
            compteurs.parametres.add(p.nom);
          }
          for (const r of refs) {
            if (r.article !== undefined) for (const m of problemesReference(p, i, r)) problemes.push(`${v.debut} ${r.article} : ${m}`);
            if (r.article === undefined && /LEGIARTI\d{12}/.test(r.texte))
              problemes.push(`${v.debut} : « ${r.texte} » cite une version LEGIARTI sans citation vérifiée (article, legiarti)`);
            // An article named in a « … CSS » citation must be checked: no unstructured citation of the code.
            for (const segment of r.texte.split(";")) {
              if (!/\bCSS\b/.test(segment)) continue;
              for (const num of segment.match(NUMERO_ARTICLE) ?? []) {
                if (!structurees.has(num)) problemes.push(`${v.debut} : « ${num} » cité dans « ${segment.trim()} » sans citation vérifiée (article, legiarti)`);
              }
            }
          }
        });
        assert.deepEqual(problemes, []);
      });
    }
  }

  describe("articles.json (versions and references used by the calculators and the rules)", () => {
    for (const a of ARTICLES.articles) {
      it(`${a.article} : versions in force one after the other, up to the last planned one`, () => {
        const vs = versionsDe(a.article);
        a.versions.forEach((x, k) => {
          const s = vs.find((v) => v.id === x.legiarti);
          assert.ok(s, `${x.legiarti} n'est pas une version de ${a.article}`);
          assert.equal(x.debut, s.debut, `${x.legiarti} : début ${s.debut} dans l'instantané`);
          const suivante = a.versions[k + 1];
          if (suivante) assert.equal(s.fin, suivante.debut, `${x.legiarti} s'arrête le ${s.fin}, la version suivante listée commence le ${suivante.debut}`);
          else
            assert.equal(
              s.fin,
              null,
              `${a.article} : la dernière version listée s'arrête le ${s.fin} ; ajouter ${vs.find((v) => v.debut === s.fin)?.id ?? "la suivante"}`,
            );
        });
      });
    }

    for (const r of ARTICLES.references) {
      it(`référence « ${r.nom} » (${r.article} ${r.alinea ?? ""})`, () => {
        const table = ARTICLES.articles.find((a) => a.article === r.article);
        const depuis =
          [r.depuis, table?.versions[0]?.debut]
            .filter((d): d is string => d !== undefined)
            .sort()
            .pop() ?? "";
        const vs = versionsDe(r.article).filter((v) => (v.fin ?? INFINI) > depuis);
        assert.ok(vs.length > 0);
        if (r.extrait === undefined) return;
        let lus = 0;
        for (const v of vs) {
          if (v.texte === undefined) continue;
          lus++;
          compteurs.extraits++;
          assert.ok(normaliserTexte(v.texte).includes(normaliserTexte(r.extrait)), `« ${r.extrait} » absent de ${v.id} (${r.article}, lu le ${v.lu})`);
        }
        assert.ok(lus > 0, `aucun texte de ${r.article} depuis le ${depuis} dans l'instantané`);
      });
    }

    it("every name the code passes to referenceNommee exists", () => {
      const noms = new Set(ARTICLES.references.map((r) => r.nom));
      const fichiers = (d: string): string[] =>
        readdirSync(d).flatMap((f) => {
          const p = join(d, f);
          return statSync(p).isDirectory() ? fichiers(p) : p.endsWith(".ts") ? [p] : [];
        });
      let appels = 0;
      for (const f of fichiers(join(__dirname, "../../../src/core"))) {
        for (const m of readFileSync(f, "utf8").matchAll(/referenceNommee\("([^"]+)"/g)) {
          appels++;
          assert.ok(noms.has(m[1]!), `${f} : référence « ${m[1]} » absente de articles.json`);
        }
      }
      assert.ok(appels > 0);
    });
  });

  after(function () {
    // The figures of the check, for the report (mocha prints them once the suite has run).
    console.log(
      `      références vérifiées : ${compteurs.valeurs} valeurs datées lues ; ${compteurs.valeursCitees} valeurs de ${compteurs.parametres.size} paramètres ` +
        `citent le CSS : ${compteurs.references} citations (${compteurs.versions} versions), ${compteurs.extraits} extraits comparés au texte`,
    );
  });
});
