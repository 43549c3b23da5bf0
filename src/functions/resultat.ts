import { argumentInvalide } from "../core/errors";
import { eurosDepuisCents } from "../core/money";
import { montantResultat, type Decompte, type TypeResultat } from "../core/calculators/decompte";
import { decrireValeur, estVide, type MatriceExcel, type ValeurCellule } from "./excel";
import { motCle } from "./coercion";

/** What a calculator returns: one of the amounts of the breakdown, or the breakdown itself. */
export type Resultat = TypeResultat | "DETAIL";

const RESULTATS: readonly Resultat[] = ["RC", "RO", "RAC", "TOTAL", "DETAIL"];

/** `resultat`: RC (default), RO, RAC, TOTAL or DETAIL, any case, with or without accents (« Détail »). */
export function lireResultat(v: ValeurCellule, nom = "resultat"): Resultat {
  if (estVide(v)) return "RC";
  const s = typeof v === "string" ? motCle(v) : "";
  if ((RESULTATS as readonly string[]).includes(s)) return s as Resultat;
  throw argumentInvalide(
    `${nom} : ${decrireValeur(v)} n'est pas valide — « RC », « RO », « RAC », « TOTAL » ou « DETAIL » est attendu.`,
  );
}

export const DETAIL_UNE_LIGNE =
  "DETAIL décompose une seule ligne de soins : donnez des cellules uniques (pas des plages de plusieurs lignes), ou choisissez RC, RO, RAC ou TOTAL.";

/** One amount of the breakdown, in euros (what the cell shows). */
export function montantEuros(d: Decompte, r: TypeResultat): number {
  return eurosDepuisCents(montantResultat(d, r));
}

/**
 * DETAIL: a two-column table (label, amount in euros) spilled from the cell. Every step of the breakdown with its
 * legal reference, then the alerts; informative lines have an empty amount. `entete` lines come first (the
 * reading of the guarantee, for instance).
 */
export function tableDetail(d: Decompte, entete: readonly (readonly [string, number | string])[] = []): MatriceExcel {
  const lignes: MatriceExcel = entete.map(([l, m]) => [l, m]);
  for (const e of d.etapes) {
    const libelle = e.reference ? `${e.libelle} — ${e.reference}` : e.libelle;
    lignes.push([libelle, e.montant === null ? "" : eurosDepuisCents(e.montant)]);
  }
  for (const a of d.alertes) lignes.push([`Alerte : ${a}`, ""]);
  if (lignes.length === 0) lignes.push(["Aucun détail disponible", ""]);
  return lignes;
}
