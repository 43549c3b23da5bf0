import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { jourDepuisIso } from "../../src/core/dates";
import { lectureDeGrille, lireCorrections } from "../../src/core/grille";
import { referentielAu, verifierGrille, versionR871_2 } from "../../src/core/responsable";
import { articleCourt, grouperConstats, lienLegifrance, resumeRapport, verdict } from "../../src/taskpane/constats";
import { annulerPoste, correctionDeLigne, corrigerCellule, corrigerPoste, postesGroupes } from "../../src/taskpane/corrections";
import { planGrilleNormalisee } from "../../src/taskpane/grille-normalisee";
import { nomLibre, nomTableLibre } from "../../src/taskpane/plan";
import { celluleConstats, planRapport, STATUTS } from "../../src/taskpane/rapport";
import { cleCorrections, correctionsAStocker, correctionsStockees, importerSource, type Source } from "../../src/taskpane/source";
import { CATALOGUE } from "../../src/core/postes";

/** The pane's pure logic: sources, corrections, findings, and the plans of the report and normalised grid sheets. */
const RACINE = path.resolve(__dirname, "../..");
const erreursCsv = (): Source => ({
  type: "csv",
  fichier: "erreurs.csv",
  octets: new Uint8Array(readFileSync(path.join(RACINE, "assets/grilles/erreurs.csv"))),
  exemple: true,
});

const SELECTION: Source = {
  type: "selection",
  feuille: "Tableau 2026",
  adresse: "'Tableau 2026'!B3:D7",
  ligne: 3,
  colonne: 2,
  valeurs: [
    ["Garanties", "Niveau 1", "Niveau 2"],
    ["Frais de séjour", 1, 1.5],
    ["Forfait naissance", "200 €", ""],
    ["Forfait journalier hospitalier", "Frais réels", ""],
    ["Frais de sejour", "100 % BX", "150 % BR"],
  ],
  formats: [[], ["General", "0%", "0%"], [], [], []],
  fusions: [{ ligne: 3, colonne: 1, lignes: 1, colonnes: 2 }],
};

describe("Volet : sources et corrections", () => {
  it("une sélection se lit avec sa vraie adresse, ses formats et ses fusions", () => {
    const g = importerSource(SELECTION, {}, undefined);
    assert.equal(g.lignes[0]!.cellules[1]!.adresse, "'Tableau 2026'!D4");
    assert.equal(g.lignes[0]!.cellules[1]!.garantie !== undefined, true);
    assert.equal(lectureDeGrille(g).lignes[0]!.cellules[1]!.lu, "150 % BR");
    // The merged « Frais réels » is read in both levels.
    assert.equal(g.lignes[2]!.cellules[1]!.texte, "Frais réels");
  });

  it("les détails saisis remplacent ceux de la grille", () => {
    const g = importerSource(SELECTION, { nom: "Ma grille", dateEffet: "2025-03-01", collectif: true, responsable: false }, undefined);
    assert.deepEqual([g.nom, g.dateEffet, g.collectif, g.responsable], ["Ma grille", jourDepuisIso("2025-03-01"), true, false]);
  });

  it("corriger un poste : par ligne, ou pour les libellés identiques (casse et accents ignorés), puis l'annuler", () => {
    // Sheet rows: the header is row 3, « Frais de séjour » row 4, « Forfait naissance » row 5, « Frais de sejour » row 7.
    let c = corrigerPoste({}, 5, "Forfait naissance", "hospi.maternite" as never, false);
    assert.deepEqual(c.lignes, { 5: "hospi.maternite" });
    c = corrigerPoste(c, 7, "Frais de sejour", "hospi.chambre-particuliere" as never, true);
    assert.deepEqual(c.libelles, { "Frais de sejour": "hospi.chambre-particuliere" });
    const g = importerSource(SELECTION, {}, c);
    const l = lectureDeGrille(g).lignes;
    assert.equal(l.find((x) => x.ligne === 5)!.poste, "hospi.maternite");
    assert.equal(l.find((x) => x.ligne === 5)!.origine, "fournie");
    // « Frais de séjour » (row 4) and « Frais de sejour » (row 7) share the label correction.
    assert.deepEqual(
      l.filter((x) => x.poste === "hospi.chambre-particuliere").map((x) => x.ligne),
      [4, 7],
    );
    assert.deepEqual(correctionDeLigne(c, 7, "FRAIS DE SÉJOUR"), { poste: "hospi.chambre-particuliere", par: "libelle" });
    c = annulerPoste(c, 7, "Frais de sejour", true);
    assert.deepEqual(c.libelles, {});
    assert.equal(correctionDeLigne(c, 7, "Frais de sejour"), undefined);
  });

  it("corriger une cellule non lue : elle est lue selon la correction, le texte imprimé reste montré", () => {
    const c = corrigerCellule({}, "'Tableau 2026'!$C$7", "100 % BR");
    assert.deepEqual(c.cellules, { C7: "100 % BR" });
    const cellule = lectureDeGrille(importerSource(SELECTION, {}, c)).lignes.at(-1)!.cellules[0]!;
    assert.deepEqual([cellule.texte, cellule.lu, cellule.correction], ["100 % BX", "100 % BR", "100 % BR"]);
    assert.deepEqual(corrigerCellule(c, "C7", null).cellules, {});
  });

  it("ce qui est gardé dans le classeur est un fichier de corrections de la CLI, relu à l'identique", () => {
    const c = corrigerCellule(corrigerPoste({}, 4, "Forfait naissance", null, false), "C7", "100 % BR");
    const stocke = correctionsAStocker(c);
    assert.equal(stocke.version, 1);
    assert.deepEqual(lireCorrections(JSON.stringify(stocke)), lireCorrections(JSON.stringify({ lignes: { 4: null }, cellules: { C7: "100 % BR" } })));
    assert.deepEqual(correctionsStockees({ [cleCorrections(SELECTION)]: stocke }, "feuille:Tableau 2026").corrections.lignes, { 4: null });
    const abime = correctionsStockees({ "feuille:Tableau 2026": { lignes: { 4: "poste.inconnu" } } }, "feuille:Tableau 2026");
    assert.deepEqual(abime.corrections, {});
    assert.match(abime.probleme!, /ignorées.*poste « poste\.inconnu » inconnu/);
  });

  it("clés de corrections : par feuille pour une sélection, par fichier (et feuille) sinon", () => {
    assert.equal(cleCorrections(SELECTION), "feuille:Tableau 2026");
    assert.equal(cleCorrections(erreursCsv()), "fichier:erreurs.csv");
    assert.equal(cleCorrections({ ...SELECTION, type: "xlsx", fichier: "g.xlsx" } as Source), "fichier:g.xlsx#Tableau 2026");
  });

  it("la liste des postes regroupe tout le catalogue par section, une seule fois", () => {
    const codes = postesGroupes().flatMap((g) => g.postes.map((p) => p.code));
    assert.equal(codes.length, CATALOGUE.length);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(postesGroupes()[0]!.libelle, "Hospitalisation");
  });
});

describe("Volet : constats", () => {
  const g = importerSource(erreursCsv(), {}, undefined);
  const r = verifierGrille(g, { date: jourDepuisIso("2026-06-01") });

  it("verdict : jamais « conforme » tout court avec des alertes", () => {
    assert.equal(verdict(r), "non-conforme");
    assert.match(resumeRapport(r), /^NON CONFORME — \d+ erreurs, \d+ alertes?, \d+ infos?$/);
    assert.equal(verdict({ ...r, erreurs: 0, alertes: 2 }), "sous-reserve");
    assert.equal(verdict({ ...r, erreurs: 0, alertes: 0 }), "conforme");
  });

  it("regroupés par gravité (erreurs d'abord) puis par poste, sans en perdre", () => {
    const groupes = grouperConstats(r.constats);
    assert.deepEqual(
      groupes.map((x) => x.gravite),
      ["erreur", "alerte", "info"].filter((x) => r.constats.some((c) => c.gravite === x)),
    );
    assert.equal(
      groupes.reduce((s, x) => s + x.postes.reduce((t, p) => t + p.constats.length, 0), 0),
      r.constats.length,
    );
    assert.equal(groupes[0]!.nombre, r.erreurs);
  });

  it("lien Légifrance construit depuis l'identifiant de l'article", () => {
    assert.equal(lienLegifrance("R871-2 6° CSS (LEGIARTI000052861614)"), "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000052861614");
    assert.equal(lienLegifrance("Lecture de la grille (GARANTIE_ILLISIBLE, docs/format-grille.md)"), undefined);
    assert.equal(articleCourt("R871-2 6° CSS (LEGIARTI000052861614)"), "R871-2 6° CSS");
    assert.equal(articleCourt("D911-1 CSS (LEGIARTI000038093115, décret n° 2019-65 du 31 janv. 2019)"), "D911-1 CSS (décret n° 2019-65 du 31 janv. 2019)");
  });
});

describe("Volet : feuille du rapport et grille normalisée", () => {
  const source = erreursCsv();
  const g = importerSource(source, {}, undefined);
  const date = jourDepuisIso("2026-06-01");
  const r = verifierGrille(g, { date });
  const l = lectureDeGrille(g);
  const plan = planRapport({
    grille: g,
    rapport: r,
    lecture: l,
    source: "grille d'exemple erreurs.csv",
    dansLeClasseur: false,
    referentiel: referentielAu(date),
    versionArticle: versionR871_2(date),
    versionRemb: "0.1.0",
    parametresVerifiesLe: "2026-03-14",
    ecritLe: jourDepuisIso("2026-06-02"),
  });
  const texte = (ligne: number) => plan.lignes[ligne]!.map((v) => (typeof v === "object" ? v.formule : String(v)));

  it("en-tête : grille, source, dates, résultat, couverture, versions", () => {
    const entete = new Map(plan.lignes.slice(1, 11).map((x) => [String(x[0]), String(x[1])]));
    assert.equal(entete.get("Grille"), g.nom);
    assert.equal(entete.get("Source"), "grille d'exemple erreurs.csv");
    assert.match(entete.get("Règles appliquées au")!, /^01\/06\/2026 \(date choisie\)$/);
    assert.equal(entete.get("Résultat"), resumeRapport(r));
    assert.match(entete.get("Couverture")!, /^\d+ lignes de soins contrôlées sur \d+ lignes ; \d+ cellules? non lues?$/);
    assert.match(entete.get("Référentiel")!, /R871-2 CSS, version LEGIARTI000052861614 en vigueur du 28\/11\/2025 à ce jour/);
    assert.equal(entete.get("Versions"), "REMB 0.1.0 ; paramètres légaux vérifiés le 14/03/2026");
  });

  it("décomptes par COUNTIFS sur le tableau des constats ; une ligne par constat, statut « À traiter » dans une liste", () => {
    const t = plan.tableaux!.find((x) => x.nom === "Constats")!;
    assert.equal(t.zone.lignes, r.constats.length + 1);
    assert.deepEqual(texte(t.zone.ligne), [
      "N°",
      "Gravité",
      "Poste",
      "Libellé",
      "Niveau",
      "Valeur lue",
      "Règle",
      "Message",
      "Article",
      "Cellule",
      "Statut",
      "Commentaire",
    ]);
    const formules = plan.lignes
      .flat()
      .filter((v): v is { formule: string } => typeof v === "object")
      .map((v) => v.formule);
    assert.ok(formules.includes('=COUNTIFS({{Constats}}[Gravité],"Erreur")'));
    assert.ok(formules.includes('=COUNTIFS({{Constats}}[Gravité],"Alerte",{{Constats}}[Statut],"À traiter")'));
    const premiere = texte(t.zone.ligne + 1);
    assert.equal(premiere[0], "1");
    assert.equal(premiere[10], STATUTS[0]);
    assert.deepEqual(plan.listes, [
      { zone: { ligne: t.zone.ligne + 1, colonne: 10, lignes: r.constats.length, colonnes: 1 }, valeurs: ["À traiter", "Justifié", "Corrigé"] },
    ]);
    assert.equal(celluleConstats(plan), `A${t.zone.ligne + 2}`);
    assert.equal(plan.impression!.lignesTitres, `$${t.zone.ligne + 1}:$${t.zone.ligne + 1}`);
  });

  it("liens : articles vers Légifrance ; pas de lien vers une cellule quand la grille vient d'un fichier", () => {
    assert.ok(plan.liens!.length > 0);
    assert.ok(plan.liens!.every((x) => x.url?.startsWith("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI") && x.document === undefined));
    const dansClasseur = planRapport({
      ...(JSON.parse("{}") as object),
      grille: g,
      rapport: r,
      lecture: l,
      source: "x",
      dansLeClasseur: true,
      referentiel: [],
      versionArticle: versionR871_2(date),
      versionRemb: "0",
      parametresVerifiesLe: "2026-03-14",
      ecritLe: date,
    });
    assert.ok(dansClasseur.liens!.some((x) => x.document !== undefined && x.document === x.texte));
  });

  it("« non contrôlé » liste les cellules non lues et les lignes sans poste ; le référentiel liste les règles et leurs périodes", () => {
    const debut = plan.lignes.findIndex((x) => x[0] === "Non contrôlé");
    const fin = plan.lignes.findIndex((x) => x[0] === "Référentiel appliqué");
    const nonLues = l.lignes.flatMap((x) => x.cellules.filter((c) => c.nonLu !== null));
    const liste = plan.lignes.slice(debut + 2, fin - 1);
    assert.ok(nonLues.length > 0);
    assert.equal(liste.filter((x) => String(x[3]).startsWith("Cellule non lue")).length, nonLues.length);
    const ref = plan.tableaux!.find((x) => x.nom === "Referentiel")!;
    assert.equal(ref.zone.lignes, referentielAu(date).length + 1);
    const classeA = plan.lignes.slice(ref.zone.ligne).find((x) => x[1] === "R871-2 3° classe A")!;
    assert.equal(classeA[3], "01/01/2020");
    assert.equal(classeA[4], "en vigueur");
  });

  it("grille normalisée : une ligne par ligne × niveau, origine « auto » ou « corrigé »", () => {
    const c = corrigerPoste({}, g.lignes[0]!.ligne, g.lignes[0]!.libelle, "hospi.frais-sejour" as never, false);
    const g2 = importerSource(source, {}, c);
    const p = planGrilleNormalisee(g2, lectureDeGrille(g2), "x");
    const n = lectureDeGrille(g2).lignes.reduce((s, x) => s + x.cellules.filter((y) => !y.sansObjet).length, 0);
    assert.equal(p.tableaux![0]!.zone.lignes, n + 1);
    const lignes = p.lignes.slice(4);
    assert.equal(lignes.filter((x) => x[7] === "corrigé").length, g2.niveaux.length);
    assert.ok(lignes.every((x) => x[7] === "corrigé" || x[7] === "auto"));
  });

  it("noms libres : feuilles (31 caractères, sans caractères interdits, suffixe) et tableaux", () => {
    assert.equal(nomLibre("Contrôle 2026-06-01", ["contrôle 2026-06-01", "Contrôle 2026-06-01 (2)"]), "Contrôle 2026-06-01 (3)");
    assert.equal(nomLibre("a/b:c?[d]", []), "a-b-c--d-");
    assert.equal(nomLibre("x".repeat(40), ["x".repeat(31)]), `${"x".repeat(27)} (2)`);
    assert.equal(nomTableLibre("Constats", ["constats"]), "Constats_2");
  });
});

describe("Référentiel appliqué (core)", () => {
  it("les règles applicables à une date, chacune avec sa période, dans l'ordre des articles", () => {
    const r = referentielAu(jourDepuisIso("2026-06-01"));
    assert.ok(r.length >= 15);
    const par = new Map(r.map((x) => [x.regle, x]));
    assert.equal(par.get("R871-2 3° classe A")!.depuis, jourDepuisIso("2020-01-01"));
    assert.equal(par.get("R871-2 4° classe I")!.depuis, jourDepuisIso("2021-01-01"));
    assert.equal(par.get("R871-2 3° plancher")!.depuis, jourDepuisIso("2015-04-01"));
    assert.ok(r.every((x) => x.jusquA === null || x.jusquA > jourDepuisIso("2026-06-01")));
    // In 2019 the 100 % Santé rules did not bind yet.
    const avant = new Set(referentielAu(jourDepuisIso("2019-06-01")).map((x) => x.regle));
    assert.equal(avant.has("R871-2 3° classe A"), false);
    assert.equal(avant.has("R871-2 3° plancher"), true);
  });

  it("la version de R871-2 en vigueur, avec sa période", () => {
    assert.deepEqual(versionR871_2(jourDepuisIso("2026-06-01")), { id: "LEGIARTI000052861614", debut: jourDepuisIso("2025-11-28"), fin: null });
    assert.deepEqual(versionR871_2(jourDepuisIso("2020-06-01")), {
      id: "LEGIARTI000038035521",
      debut: jourDepuisIso("2019-01-13"),
      fin: jourDepuisIso("2024-11-18"),
    });
  });
});
