import { aujourdhui, dateFr } from "../dates";
import type { AlerteImport, Grille, Ligne } from "../grille";
import type { Poste } from "../postes";
import { debutRegime2015 } from "./limites/regime-responsable";
import type { Constat, OptionsVerification, RapportVerification } from "./constat";
import { refL871_1, refR871_2 } from "./references";
import type { Regle } from "./regle";
import { REGLES } from "./regles";
import { Verification } from "./verification";

/**
 * Checks a grid against every grid-checkable contrat-responsable rule (docs/verification.md checklist) and returns the
 * findings, each tied to a cell (or line) and an article. Nothing here throws for a grid, however malformed: what
 * cannot be read is a « lecture » alerte, what cannot be decided an alerte.
 */
export function verifierGrille(g: Grille, o: OptionsVerification = {}): RapportVerification {
  const origineDate = o.date !== undefined ? "option" : g.dateEffet !== undefined ? "grille" : "aujourdhui";
  const date = o.date ?? g.dateEffet ?? o.aujourdhui ?? aujourdhui();
  const v = new Verification(g, date);

  const parLigne = new Map(g.lignes.map((l) => [l.ligne, l]));
  for (const a of g.alertes) v.ajouterLecture(lecture(a, a.ligne === undefined ? undefined : parLigne.get(a.ligne), g.niveaux));
  if (g.responsable === false) {
    v.signalerGrille(
      "R871-2 1°",
      "info",
      "La grille se déclare non responsable : les règles du contrat responsable ne s'imposent pas à elle ; les écarts sont signalés pour information.",
      refL871_1(date),
    );
  }
  if (date < debutRegime2015()) {
    v.signalerGrille(
      "R871-2 1°",
      "alerte",
      `Contrat du ${dateFr(date)} : les règles du contrat responsable antérieures au ${dateFr(debutRegime2015())} (décret n° 2014-1374) ne sont pas modélisées ; la grille n'a pas été vérifiée.`,
      "R871-2 CSS (version antérieure au 01/04/2015)",
    );
  } else {
    const applicables = REGLES.filter((r) => r.applicable(date));
    for (const r of applicables) r.verifier(v);
    signalerAbsences(v, applicables);
    v.signalerGrille(
      "L871-1 tiers payant",
      "info",
      "Tiers payant (au moins jusqu'à la BR, et jusqu'aux PLV / HLF pour le 100 % Santé) : condition du contrat, non visible dans une grille — à confirmer dans les conditions générales.",
      refL871_1(date),
    );
  }

  const constats = trier(v.resultat(), g);
  let erreurs = 0;
  let alertes = 0;
  let infos = 0;
  for (const c of constats) {
    if (c.gravite === "erreur") erreurs++;
    else if (c.gravite === "alerte") alertes++;
    else infos++;
  }
  return { grille: g.nom, date, origineDate, constats, erreurs, alertes, infos, conforme: erreurs === 0 };
}

/** An import problem as a finding: the grid could not be checked there (rule « lecture »). */
function lecture(a: AlerteImport, l: Ligne | undefined, niveaux: Grille["niveaux"]): Constat {
  const i = a.niveau === undefined ? -1 : niveaux.findIndex((n) => n.nom === a.niveau);
  const cellule = i >= 0 ? l?.cellules[i] : undefined;
  return {
    regle: "lecture",
    gravite: a.gravite,
    message: a.message,
    reference: `Lecture de la grille (${a.code}, docs/format-grille.md)`,
    poste: l?.poste ?? null,
    ...(l ? { libelle: l.libelle } : {}),
    ...(a.niveau !== undefined ? { niveau: a.niveau } : {}),
    ...(cellule !== undefined ? { valeur: cellule.texte } : {}),
    ...(a.ligne !== undefined ? { ligne: a.ligne } : {}),
    ...(a.adresse !== undefined ? { adresse: a.adresse } : {}),
  };
}

/**
 * Lines a responsible grid is expected to show and this one does not: the rule cannot be checked on the grid
 * (the general conditions may still cover it), so an info, not an alerte.
 */
function signalerAbsences(v: Verification, applicables: readonly Regle[]): void {
  const actives = new Set(applicables.map((r) => r.id));
  const a = (f: (p: Poste) => boolean) => v.lignes(f).length > 0;
  const manque = (id: Regle["id"], alinea: string, presentes: boolean, attendue: boolean, message: string) => {
    if (actives.has(id) && presentes && !attendue) v.signalerGrille(id, "info", message, refR871_2(alinea, v.date));
  };
  manque(
    "R871-2 6°",
    "6°",
    v.grille.lignes.length > 0,
    a((p) => p.calculateur === "fj"),
    "Aucune ligne « forfait journalier hospitalier » : il doit être pris en charge sans limitation de durée (à vérifier dans les conditions générales).",
  );
  manque(
    "R871-2 3° classe A",
    "3°",
    a((p) => p.section === "optique" && p.optique?.classe === "B"),
    a((p) => p.optique?.classe === "A"),
    "Aucune ligne « équipement optique 100 % Santé » : il doit être pris en charge jusqu'au prix limite de vente.",
  );
  manque(
    "R871-2 4° classe I",
    "4°",
    a((p) => p.audio?.classe === "II"),
    a((p) => p.audio?.element === "aide" && p.audio.classe !== "II"),
    "Aucune ligne « aides auditives 100 % Santé (classe I) » : elles doivent être prises en charge jusqu'au prix limite de vente.",
  );
  manque(
    "R871-2 5°",
    "5°",
    a((p) => p.section === "dentaire" && p.panier !== undefined),
    a((p) => p.panier?.includes("100%SANTE") === true),
    "Aucune ligne « prothèses dentaires 100 % Santé » : elles doivent être prises en charge jusqu'aux honoraires limites de facturation.",
  );
}

/** Grid-level findings first, then by sheet row, then by level (left to right); the rules' order otherwise. */
function trier(constats: readonly Constat[], g: Grille): Constat[] {
  const rang = new Map(g.niveaux.map((n, i) => [n.nom, i]));
  return constats
    .map((c, i) => ({ c, i }))
    .sort((x, y) => {
      const lx = x.c.ligne ?? -1;
      const ly = y.c.ligne ?? -1;
      if (lx !== ly) return lx - ly;
      const nx = x.c.niveau === undefined ? -1 : (rang.get(x.c.niveau) ?? -1);
      const ny = y.c.niveau === undefined ? -1 : (rang.get(y.c.niveau) ?? -1);
      return nx !== ny ? nx - ny : x.i - y.i;
    })
    .map((x) => x.c);
}
