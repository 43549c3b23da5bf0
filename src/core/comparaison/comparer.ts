import { estRembError, argumentInvalide } from "../errors";
import { additionner, Dec, type Cents } from "../money";
import type { Jour } from "../dates";
import { NEANT, unparseGarantie, type Garantie } from "../garantie";
import type { Grille, Niveau } from "../grille";
import type { CodePoste } from "../postes";
import type { Decompte, PlafondApplique } from "../calculators/decompte";
import { calculerScenario } from "./calculer-scenario";
import type { ScenarioResolu } from "./scenarios";

/**
 * A broker comparison: contract levels (from any grids) × standard scenarios → RO / RC / RAC per cell, with the
 * legal caps that bound, and per contract the metrics of actuarial practice (reste à charge moyen, remboursement
 * maximal, taux de couverture (RO + RC) / FR, annual RAC of a profile). Each cell is what the REMB function of the
 * scenario's calculator gives for the grid's cell: the sheets write that very call as a live formula.
 */

export interface ContratCompare {
  readonly grille: Grille;
  /** Name of the level (`Niveau.nom`). */
  readonly niveau: string;
}

export interface ContratResolu {
  /** « Grid — level », unique in the comparison. */
  readonly nom: string;
  readonly grille: string;
  readonly niveau: Niveau;
  /** The level is a réseau de soins column: scenarios with a réseau price use it. */
  readonly reseau: boolean;
}

export interface CelluleComparaison {
  /** The grid line read, or null when the grid has none of the scenario's postes. */
  readonly poste: CodePoste | null;
  /** Label printed in the grid for that line. */
  readonly libelleLigne: string | null;
  /** The guarantee applied, canonical text (« 150 % BR »), « Néant » for an absent line. */
  readonly garantie: string;
  /** The guarantee as parsed, when there is one (the sheets write it into the formula). */
  readonly garantieLue: Garantie | null;
  /** A1 address of the grid cell, when known. */
  readonly adresse: string | null;
  /** Price used: the réseau price for a réseau column when the scenario has one. */
  readonly fr: Cents;
  readonly prixReseau: boolean;
  /** Null when the cell cannot be computed (`erreur` says why). */
  readonly ro: Cents | null;
  readonly rc: Cents | null;
  readonly rac: Cents | null;
  readonly plafonds: readonly PlafondApplique[];
  readonly alertes: readonly string[];
  /** Why the cell has no figures (unreadable grid cell, option on top of its base…). */
  readonly erreur: string | null;
}

export interface MetriquesContrat {
  /** Over the scenarios computed (each once). */
  readonly fr: Cents;
  readonly ro: Cents;
  readonly rc: Cents;
  readonly rac: Cents;
  /** RAC / number of scenarios computed, half-up to the cent. */
  readonly racMoyen: Cents;
  /** Largest RO + RC of one scenario, and which. */
  readonly remboursementMaximal: Cents;
  readonly scenarioMaximal: string | null;
  /** (RO + RC) / FR over the scenarios computed (0..1), as a decimal string with 4 places. */
  readonly tauxCouverture: string;
  /** Scenarios without figures (erreur). */
  readonly lacunes: readonly string[];
  /** Each legal cap that bound, with the scenarios where it did. */
  readonly plafonds: readonly { readonly code: string; readonly libelle: string; readonly reference: string; readonly scenarios: readonly string[] }[];
  /** With a profile: Σ count × amount over the profile's scenarios, half-up to the cent. */
  readonly profil?: { readonly fr: Cents; readonly remboursement: Cents; readonly rac: Cents };
}

export interface Comparaison {
  readonly date: Jour;
  readonly contrats: readonly ContratResolu[];
  readonly scenarios: readonly ScenarioResolu[];
  /** [scenario][contract]. */
  readonly cellules: readonly (readonly CelluleComparaison[])[];
  readonly metriques: readonly MetriquesContrat[];
  /** Counts per scenario code, when a profile was given. */
  readonly profil?: Readonly<Record<string, number>>;
}

export interface OptionsComparaison {
  readonly date: Jour;
  readonly scenarios: readonly ScenarioResolu[];
  /** Yearly counts by scenario code (decimals allowed: 0.5 = every other year). */
  readonly profil?: Readonly<Record<string, number>>;
}

export const CONTRATS_MAX = 8;

export function comparer(contrats: readonly ContratCompare[], o: OptionsComparaison): Comparaison {
  if (contrats.length === 0) throw argumentInvalide("Aucun niveau à comparer : choisissez au moins un niveau d'une grille.");
  if (contrats.length > CONTRATS_MAX) throw argumentInvalide(`Trop de niveaux à comparer (${contrats.length}) : ${CONTRATS_MAX} au plus.`);
  if (o.profil !== undefined) verifierProfil(o.profil, o.scenarios);
  const resolus = contrats.map(resoudreContrat);
  const noms = nomsUniques(resolus.map((r) => `${r.grille} — ${r.niveau.nom}`));
  const contratsResolus = resolus.map((r, i) => ({ ...r, nom: noms[i]! }));
  const cellules = o.scenarios.map((s) => contrats.map((c, j) => cellule(s, c.grille, resolus[j]!.indexNiveau, contratsResolus[j]!.reseau)));
  const metriques = contrats.map((_, j) =>
    metriquesDe(
      o.scenarios,
      cellules.map((l) => l[j]!),
      o.profil,
    ),
  );
  return {
    date: o.date,
    contrats: contratsResolus.map(({ nom, grille, niveau, reseau }) => ({ nom, grille, niveau, reseau })),
    scenarios: o.scenarios,
    cellules,
    metriques,
    ...(o.profil === undefined ? {} : { profil: o.profil }),
  };
}

function resoudreContrat(c: ContratCompare): { grille: string; niveau: Niveau; indexNiveau: number; reseau: boolean } {
  const i = c.grille.niveaux.findIndex((n) => n.nom === c.niveau);
  if (i < 0) {
    throw argumentInvalide(
      `Niveau « ${c.niveau} » absent de la grille « ${c.grille.nom} » — niveaux : ${c.grille.niveaux.map((n) => `« ${n.nom} »`).join(", ")}.`,
    );
  }
  const niveau = c.grille.niveaux[i]!;
  return { grille: c.grille.nom, niveau, indexNiveau: i, reseau: niveau.variante === "reseau" };
}

function nomsUniques(noms: string[]): string[] {
  const vus = new Map<string, number>();
  return noms.map((n) => {
    const k = (vus.get(n) ?? 0) + 1;
    vus.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
}

function verifierProfil(p: Readonly<Record<string, number>>, scenarios: readonly ScenarioResolu[]): void {
  const codes = new Set(scenarios.map((s) => s.code));
  for (const [code, n] of Object.entries(p)) {
    if (!codes.has(code)) throw argumentInvalide(`Le profil compte le scénario « ${code} », absent de la comparaison.`);
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > 1000) {
      throw argumentInvalide(`Nombre d'actes invalide pour « ${code} » dans le profil : ${String(n)} — un nombre de 0 à 1 000 par an est attendu.`);
    }
  }
}

/** The grid line a scenario reads: the first of its postes the grid has (a line whose level prints something). */
function ligneDuScenario(s: ScenarioResolu, g: Grille, iNiveau: number): number | null {
  for (const poste of s.postes) {
    const i = g.lignes.findIndex((l) => l.poste === poste && l.cellules[iNiveau]?.sansObjet !== true);
    if (i >= 0) return i;
  }
  return null;
}

/**
 * The guarantee of a level on a line, the socle taken into account (the grid model's options): an option that
 * includes its socle prints the total, and « - » / « Néant » there repeats the socle; an option on top of its socle
 * (SOCLE_EN_SUS) would need two guarantees added, which no REMB function takes: reported, not computed.
 */
function garantieDuNiveau(g: Grille, iLigne: number, iNiveau: number, profondeur = 0): { garantie: Garantie } | { erreur: string } {
  const ligne = g.lignes[iLigne]!;
  const cellule = ligne.cellules[iNiveau]!;
  if (cellule.garantie === undefined) return { erreur: `Cellule illisible : « ${cellule.texte} ».` };
  const niveau = g.niveaux[iNiveau]!;
  const iSocle = niveau.inclutNiveau === undefined ? -1 : g.niveaux.findIndex((n) => n.nom === niveau.inclutNiveau);
  if (iSocle < 0 || iSocle === iNiveau || profondeur > 16) return { garantie: cellule.garantie };
  if (cellule.garantie.type === "neant") return garantieDuNiveau(g, iLigne, iSocle, profondeur + 1);
  if (niveau.convention === "SOCLE_EN_SUS") {
    return { erreur: `Option en sus de son socle (${niveau.inclutNiveau} + ${niveau.nom}) : la comparaison ne sait pas encore additionner deux colonnes.` };
  }
  return { garantie: cellule.garantie };
}

function cellule(s: ScenarioResolu, g: Grille, iNiveau: number, reseau: boolean): CelluleComparaison {
  const prixReseau = reseau && s.prixReseau !== undefined;
  const fr = prixReseau ? s.prixReseau! : s.prix;
  const iLigne = ligneDuScenario(s, g, iNiveau);
  const base = { fr, prixReseau };
  if (iLigne === null) {
    const d = calculer(s, NEANT, fr);
    return {
      ...base,
      poste: null,
      libelleLigne: null,
      garantie: "Néant",
      garantieLue: NEANT,
      adresse: null,
      ...chiffres(d),
      alertes: ["Aucune ligne de la grille pour ce soin : aucune garantie complémentaire retenue (à vérifier dans la notice)."],
    };
  }
  const ligne = g.lignes[iLigne]!;
  const imprimee = ligne.cellules[iNiveau]!;
  const identite = { poste: ligne.poste, libelleLigne: ligne.libelle, adresse: imprimee.adresse ?? null };
  const lue = garantieDuNiveau(g, iLigne, iNiveau);
  if ("erreur" in lue) return { ...base, ...identite, garantie: imprimee.texte, garantieLue: null, ...SANS_CHIFFRES, erreur: lue.erreur };
  const garantie = lue.garantie;
  const texte = garantie.type === "formule" || garantie.type === "neant" ? unparseGarantie(garantie) : imprimee.texte;
  const d = calculer(s, garantie, fr);
  return { ...base, ...identite, garantie: texte, garantieLue: garantie, ...chiffres(d) };
}

const SANS_CHIFFRES = { ro: null, rc: null, rac: null, plafonds: [], alertes: [] } as const;

function calculer(s: ScenarioResolu, g: Garantie, fr: Cents): Decompte | string {
  try {
    return calculerScenario(s, g, fr);
  } catch (e) {
    if (estRembError(e)) return e.message;
    throw e;
  }
}

function chiffres(d: Decompte | string): Pick<CelluleComparaison, "ro" | "rc" | "rac" | "plafonds" | "alertes" | "erreur"> {
  if (typeof d === "string") return { ...SANS_CHIFFRES, erreur: d };
  return { ro: d.roNet, rc: d.rc, rac: d.rac, plafonds: d.plafonds, alertes: d.alertes, erreur: null };
}

function metriquesDe(
  scenarios: readonly ScenarioResolu[],
  cellules: readonly CelluleComparaison[],
  profil: Readonly<Record<string, number>> | undefined,
): MetriquesContrat {
  let fr = 0;
  let ro = 0;
  let rc = 0;
  let rac = 0;
  let n = 0;
  let max = -1;
  let scenarioMaximal: string | null = null;
  const lacunes: string[] = [];
  const plafonds = new Map<string, { code: string; libelle: string; reference: string; scenarios: string[] }>();
  let pFr = new Dec(0);
  let pRemb = new Dec(0);
  let pRac = new Dec(0);
  cellules.forEach((c, i) => {
    const code = scenarios[i]!.code;
    if (c.ro === null || c.rc === null || c.rac === null) {
      lacunes.push(code);
      return;
    }
    n++;
    fr = additionner(fr, c.fr);
    ro = additionner(ro, c.ro);
    rc = additionner(rc, c.rc);
    rac = additionner(rac, c.rac);
    if (c.ro + c.rc > max) {
      max = c.ro + c.rc;
      scenarioMaximal = code;
    }
    for (const p of c.plafonds) {
      const e = plafonds.get(p.code) ?? { code: p.code, libelle: p.libelle, reference: p.reference, scenarios: [] };
      e.scenarios.push(code);
      plafonds.set(p.code, e);
    }
    const k = profil?.[code];
    if (k !== undefined && k > 0) {
      const nb = new Dec(String(k));
      pFr = pFr.plus(nb.times(c.fr));
      pRemb = pRemb.plus(nb.times(c.ro + c.rc));
      pRac = pRac.plus(nb.times(c.rac));
    }
  });
  const arrondi = (d: Dec): Cents => d.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return {
    fr,
    ro,
    rc,
    rac,
    racMoyen: n === 0 ? 0 : arrondi(new Dec(rac).div(n)),
    remboursementMaximal: max < 0 ? 0 : max,
    scenarioMaximal,
    tauxCouverture: fr === 0 ? "0.0000" : new Dec(ro + rc).div(fr).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4),
    lacunes,
    plafonds: [...plafonds.values()],
    ...(profil === undefined ? {} : { profil: { fr: arrondi(pFr), remboursement: arrondi(pRemb), rac: arrondi(pRac) } }),
  };
}
