import { dateFr, isoDepuisJour, jourDepuisIso, type Jour } from "../core/dates";
import type { Grille, LectureGrille } from "../core/grille";
import type { RapportVerification, RegleDuReferentiel } from "../core/responsable";
import { cellule } from "./a1";
import { compte, lienLegifrance, LIBELLES_GRAVITE, ORDRE_GRAVITES, resumeRapport, titrePoste } from "./constats";
import type { FormatPlan, LienPlan, PlanFeuille, ValeurPlan } from "./plan";

/**
 * The auditor's report sheet, as a plan (pure): a header (grid, source, dates, versions, coverage), counts by
 * gravité computed by COUNTIFS over the findings table (so they follow the auditor's edits of Statut), the findings
 * as an Excel table with a Statut list, what was not checked, and the rules applied with their periods. Printed
 * landscape, one page wide, the findings header repeated on each page.
 */
export interface DonneesRapport {
  readonly grille: Grille;
  readonly rapport: RapportVerification;
  readonly lecture: LectureGrille;
  /** « 'Tableau 2026'!A1:D40 » or « fichier erreurs.xlsx, feuille « Garanties » ». */
  readonly source: string;
  /** The grid is a range of this workbook: findings link to their cells. */
  readonly dansLeClasseur: boolean;
  readonly referentiel: readonly RegleDuReferentiel[];
  /** R871-2's version in force on the check date. */
  readonly versionArticle: { readonly id: string; readonly debut: Jour; readonly fin: Jour | null };
  readonly versionRemb: string;
  /** ISO date of the last check of the legal parameters against their sources. */
  readonly parametresVerifiesLe: string;
  readonly ecritLe: Jour;
}

export const STATUTS = ["À traiter", "Justifié", "Corrigé"] as const;

const COLONNES = ["N°", "Gravité", "Poste", "Libellé", "Niveau", "Valeur lue", "Règle", "Message", "Article", "Cellule", "Statut", "Commentaire"] as const;
const LARGEURS = [28, 62, 140, 150, 80, 110, 92, 320, 140, 96, 70, 160];
const FONDS: Readonly<Record<string, string>> = { erreur: "#FDE7E9", alerte: "#FFF4CE", info: "#EBF3FC" };
const BORDURE_TITRE = "#0F6CBD";

export function planRapport(d: DonneesRapport): PlanFeuille {
  const { grille: g, rapport: r, lecture: l } = d;
  const lignes: ValeurPlan[][] = [];
  const formats: FormatPlan[] = [];
  const liens: LienPlan[] = [];
  const titre = (texte: string) => {
    formats.push({ zone: zone(lignes.length, 0, 1, 1), gras: true, couleur: BORDURE_TITRE });
    lignes.push([texte]);
  };

  titre(`Contrôle contrat responsable — ${g.nom}`);
  const soins = l.lignes.filter((x) => x.nature === "soin");
  const nonLues = l.lignes.reduce((s, x) => s + x.cellules.filter((c) => c.nonLu !== null).length, 0);
  const dateGrille = g.dateEffet === undefined ? "non imprimée" : `${dateFr(g.dateEffet)}${g.texteDateEffet ? ` (lue : « ${g.texteDateEffet} »)` : ""}`;
  const origine = r.origineDate === "option" ? "date choisie" : r.origineDate === "grille" ? "date d'effet de la grille" : "date du jour";
  const fin = d.versionArticle.fin === null ? "à ce jour" : `au ${dateFr(d.versionArticle.fin - 1)}`;
  const entete: [string, string][] = [
    ["Grille", g.nom],
    ["Source", d.source],
    ["Date d'effet", dateGrille],
    ["Règles appliquées au", `${dateFr(r.date)} (${origine})`],
    ["Résultat", resumeRapport(r)],
    [
      "Couverture",
      `${compte(soins.length, "ligne de soins contrôlée", "lignes de soins contrôlées")} sur ${compte(l.lignes.length, "ligne")} ; ${compte(nonLues, "cellule non lue", "cellules non lues")}`,
    ],
    ["Corrections appliquées", `${compte(l.corrections.lignes, "ligne")}, ${compte(l.corrections.cellules, "cellule")}`],
    ["Référentiel", `R871-2 CSS, version ${d.versionArticle.id} en vigueur du ${dateFr(d.versionArticle.debut)} ${fin} ; L871-1 et R871-1 CSS`],
    ["Versions", `REMB ${d.versionRemb} ; paramètres légaux vérifiés le ${dateFr(jourDepuisIso(d.parametresVerifiesLe))}`],
    ["Rapport écrit le", dateFr(d.ecritLe)],
  ];
  const debutEntete = lignes.length;
  for (const [k, v] of entete) lignes.push([k, v]);
  formats.push({ zone: zone(debutEntete, 0, entete.length, 1), gras: true });
  lignes.push([]);

  // Counts: formulas over the findings table, so a row the auditor adds or re-qualifies is counted.
  const debutComptes = lignes.length;
  lignes.push(["Gravité", "Constats", "À traiter"]);
  for (const gr of ORDRE_GRAVITES) {
    const nom = LIBELLES_GRAVITE[gr];
    lignes.push([
      nom,
      { formule: `=COUNTIFS({{Constats}}[Gravité],"${nom}")` },
      { formule: `=COUNTIFS({{Constats}}[Gravité],"${nom}",{{Constats}}[Statut],"${STATUTS[0]}")` },
    ]);
  }
  formats.push({ zone: zone(debutComptes, 0, 1, 3), gras: true });
  ORDRE_GRAVITES.forEach((gr, i) => formats.push({ zone: zone(debutComptes + 1 + i, 0, 1, 1), fond: FONDS[gr]! }));
  lignes.push([]);

  titre("Constats");
  const enTeteConstats = lignes.length;
  lignes.push([...COLONNES]);
  // By gravité (erreurs first), then in grid order: what the auditor treats first is on top.
  const tries = ORDRE_GRAVITES.flatMap((gr) => r.constats.filter((c) => c.gravite === gr));
  tries.forEach((c, i) => {
    const ligne = lignes.length;
    const article = lienLegifrance(c.reference);
    lignes.push([
      i + 1,
      LIBELLES_GRAVITE[c.gravite],
      c.poste === null && c.libelle === undefined ? "Grille entière" : titrePoste(c),
      c.libelle ?? "",
      c.niveau ?? "",
      c.valeur ?? "",
      c.regle,
      c.message,
      c.reference,
      c.adresse ?? "",
      STATUTS[0],
      "",
    ]);
    formats.push({ zone: zone(ligne, 1, 1, 1), fond: FONDS[c.gravite]! });
    if (article) liens.push({ ligne, colonne: 8, texte: c.reference, url: article, infobulle: "Article sur Légifrance" });
    if (c.adresse !== undefined && d.dansLeClasseur)
      liens.push({ ligne, colonne: 9, texte: c.adresse, document: c.adresse, infobulle: "Aller à la cellule de la grille" });
  });
  // A table needs a data row: a grid without any finding keeps one empty row.
  const nConstats = Math.max(1, r.constats.length);
  if (r.constats.length === 0) lignes.push([]);
  formats.push({ zone: zone(enTeteConstats + 1, 7, nConstats, 1), retour: true });
  formats.push({ zone: zone(enTeteConstats + 1, 0, nConstats, 1), nombre: "0" });
  lignes.push([]);

  titre("Non contrôlé");
  const debutNon = lignes.length;
  lignes.push(["Ligne", "Cellule", "Libellé", "Raison"]);
  for (const x of l.lignes) {
    if (x.nature !== "soin") {
      lignes.push([
        x.ligne,
        x.adresse ?? "",
        x.libelle,
        x.nature === "attribut" ? "Service ou attribut du contrat : pas un soin, non vérifié." : `Poste non reconnu : ${x.raison}`,
      ]);
      continue;
    }
    if (x.complete !== null) lignes.push([x.ligne, x.adresse ?? "", x.libelle, `Complète la ligne ${x.complete} : jugée avec elle.`]);
    for (const c of x.cellules) {
      if (c.nonLu !== null) lignes.push([x.ligne, c.adresse ?? "", `${x.libelle} — ${c.niveau}`, `Cellule non lue : ${c.nonLu}`]);
    }
  }
  if (lignes.length === debutNon + 1) lignes.push(["", "", "Tout a été lu et contrôlé.", ""]);
  formats.push({ zone: zone(debutNon, 0, 1, 4), gras: true });
  formats.push({ zone: zone(debutNon + 1, 3, lignes.length - debutNon - 1, 1), retour: true });
  lignes.push([]);

  titre("Référentiel appliqué");
  const debutRef = lignes.length;
  lignes.push(["N°", "Règle", "Énoncé", "Applicable depuis", "Jusqu'au"]);
  d.referentiel.forEach((x, i) => {
    lignes.push([
      i + 1,
      x.regle,
      x.enonce,
      x.depuis === null ? "l'origine des règles modélisées" : dateFr(x.depuis),
      x.jusquA === null ? "en vigueur" : dateFr(x.jusquA - 1),
    ]);
  });
  if (d.referentiel.length === 0) lignes.push(["", "", "Aucune règle applicable à cette date.", "", ""]);
  const nRef = Math.max(1, d.referentiel.length);
  formats.push({ zone: zone(debutRef + 1, 2, nRef, 1), retour: true });

  const nom = `Contrôle ${isoDepuisJour(r.date)}`;
  return {
    nom,
    lignes,
    largeurs: LARGEURS,
    tableaux: [
      { nom: "Constats", zone: zone(enTeteConstats, 0, nConstats + 1, COLONNES.length), style: "TableStyleLight9" },
      { nom: "Referentiel", zone: zone(debutRef, 0, nRef + 1, 5), style: "TableStyleLight1" },
    ],
    formats,
    liens,
    listes: [{ zone: zone(enTeteConstats + 1, 10, nConstats, 1), valeurs: [...STATUTS] }],
    impression: {
      paysage: true,
      lignesTitres: `$${enTeteConstats + 1}:$${enTeteConstats + 1}`,
      pied: `${g.nom.replace(/&/g, "&&")} — contrôle au ${dateFr(r.date)} — Page &P/&N`,
    },
    couleurOnglet: r.erreurs > 0 ? "#C50F1F" : r.alertes > 0 ? "#C19C00" : "#107C10",
  };
}

function zone(ligne: number, colonne: number, lignes: number, colonnes: number) {
  return { ligne, colonne, lignes, colonnes };
}

/** The findings table's first data cell (« A19 »), for tests and the pane's message. */
export function celluleConstats(p: PlanFeuille): string {
  const t = p.tableaux?.find((x) => x.nom === "Constats");
  return t ? cellule(t.zone.ligne + 1, t.zone.colonne) : "A1";
}
