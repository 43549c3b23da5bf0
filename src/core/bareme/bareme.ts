import { argumentInvalide } from "../errors";
import type { Garantie } from "../garantie";
import type { Grille, Ligne, Niveau } from "../grille";
import { CATALOGUE, posteParCode, type Calculateur, type CodePoste, type Poste } from "../postes";

/**
 * The barème of a grid level: for each poste of the catalogue, the guarantee a claim on that poste gets. It is what
 * `remb calculer` applies to a claims table and what `remb sql` writes as a CASE over the poste column.
 *
 * A claim names its poste by catalogue code (docs/calcul.md). The grid may print a poste more or less precisely than
 * the claim: « Consultations généraliste » (all sectors) for a claim on « soins.generaliste.optam », or only the
 * OPTAM line for a claim without sector. The barème takes the grid's line of the claim's own poste, else the line of
 * the same pair (R871-2 2° pairing) printed for every sector, else, for a claim without sector, the OPTAM line. A
 * non-OPTAM poste also gets the pair's OPTAM guarantee: the non-OPTAM cap rests on it (R871-2 2°).
 */

export interface PosteBareme {
  readonly code: CodePoste;
  readonly calculateur: Calculateur;
  /** The dated AMO rate parameter of the poste (for claims without a rate column). */
  readonly tauxRo?: string;
  /** The poste's own sector, when it has one (OPTAM or NON-OPTAM lines). */
  readonly secteur?: "OPTAM" | "NON-OPTAM";
  readonly garantie: Garantie;
  /** The printed cell, for reports. */
  readonly texte: string;
  /** The grid line the guarantee was read from (its poste may be the pair's line for every sector). */
  readonly ligne: number;
  readonly posteLigne: CodePoste;
  /** For a non-OPTAM poste: the pair's OPTAM guarantee. */
  readonly garantieOptam?: Garantie;
}

/** A poste the barème cannot apply, with the French reason given on each claim of that poste. */
export interface PosteSansGarantie {
  readonly code: CodePoste;
  readonly raison: string;
}

export interface Bareme {
  readonly grille: string;
  readonly niveau: string;
  readonly responsable: boolean;
  readonly postes: ReadonlyMap<CodePoste, PosteBareme>;
  readonly sansGarantie: ReadonlyMap<CodePoste, PosteSansGarantie>;
}

/** The level named `niveau` (its name, case and accents ignored, or its 1-based rank). */
export function niveauDeGrille(g: Grille, niveau: string): Niveau {
  const plie = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  const cherche = plie(niveau);
  const n = g.niveaux.find((x) => plie(x.nom) === cherche) ?? (/^[0-9]+$/.test(cherche) ? g.niveaux.find((x) => x.rang === Number(cherche)) : undefined);
  if (n === undefined) {
    throw argumentInvalide(`Niveau « ${niveau} » absent de la grille « ${g.nom} » — niveaux : ${g.niveaux.map((x) => `« ${x.nom} »`).join(", ")}.`);
  }
  if (n.convention === "SOCLE_EN_SUS") {
    throw argumentInvalide(
      `Le niveau « ${n.nom} » s'ajoute au niveau « ${n.inclutNiveau ?? "de base"} » (montants en sus du socle) : REMB ne calcule pas encore un niveau qui en complète un autre ; choisissez un niveau autonome.`,
    );
  }
  return n;
}

/** The barème of one level. `responsable`: the contract's status (default: what the grid says, else true). */
export function baremeDepuisGrille(g: Grille, niveau: string, responsable?: boolean): Bareme {
  const n = niveauDeGrille(g, niveau);
  const i = g.niveaux.indexOf(n);
  // The first line of each poste with a cell at this level (a complement line never stands alone).
  const lignes = new Map<CodePoste, Ligne>();
  for (const l of g.lignes) {
    if (l.poste === null || l.complete !== undefined) continue;
    const c = l.cellules[i];
    if (c === undefined || c.sansObjet) continue;
    if (!lignes.has(l.poste)) lignes.set(l.poste, l);
  }
  const postes = new Map<CodePoste, PosteBareme>();
  const sansGarantie = new Map<CodePoste, PosteSansGarantie>();
  const trouver = (p: Poste): Ligne | undefined => {
    const propre = lignes.get(p.code);
    if (propre !== undefined || p.paire === undefined) return propre;
    const paire = CATALOGUE.filter((x) => x.paire === p.paire);
    const tous = paire.find((x) => x.secteur === "TOUS" && lignes.has(x.code));
    if (tous !== undefined) return lignes.get(tous.code);
    if (p.secteur === "TOUS") {
      const optam = paire.find((x) => x.secteur === "OPTAM" && lignes.has(x.code));
      if (optam !== undefined) return lignes.get(optam.code);
    }
    return undefined;
  };
  const optamDe = (p: Poste): Garantie | undefined => {
    if (p.paire === undefined) return undefined;
    const paire = CATALOGUE.filter((x) => x.paire === p.paire);
    for (const s of ["OPTAM", "TOUS"] as const) {
      const x = paire.find((y) => y.secteur === s && lignes.get(y.code)?.cellules[i]?.garantie !== undefined);
      if (x !== undefined) return lignes.get(x.code)!.cellules[i]!.garantie;
    }
    return undefined;
  };
  for (const p of CATALOGUE) {
    const l = trouver(p);
    if (l === undefined) {
      sansGarantie.set(p.code, { code: p.code, raison: `poste « ${p.code} » (${p.libelle}) absent de la grille au niveau « ${n.nom} »` });
      continue;
    }
    const c = l.cellules[i]!;
    if (c.garantie === undefined) {
      sansGarantie.set(p.code, {
        code: p.code,
        raison: `garantie illisible pour « ${p.code} » (ligne ${l.ligne} de la grille : « ${c.texte} ») : ${c.erreur.message}`,
      });
      continue;
    }
    const secteur = p.secteur === "OPTAM" || p.secteur === "NON-OPTAM" ? p.secteur : undefined;
    const gOptam = secteur === "NON-OPTAM" ? optamDe(p) : undefined;
    postes.set(p.code, {
      code: p.code,
      calculateur: p.calculateur,
      ...(p.tauxRo !== undefined ? { tauxRo: p.tauxRo } : {}),
      ...(secteur !== undefined ? { secteur } : {}),
      garantie: c.garantie,
      texte: c.texte,
      ligne: l.ligne,
      posteLigne: l.poste!,
      ...(gOptam !== undefined ? { garantieOptam: gOptam } : {}),
    });
  }
  return { grille: g.nom, niveau: n.nom, responsable: responsable ?? g.responsable ?? true, postes, sansGarantie };
}

/** The catalogue entry of a poste code (re-exported for adapters that read poste columns). */
export function posteConnu(code: string): Poste | undefined {
  return posteParCode(code);
}
