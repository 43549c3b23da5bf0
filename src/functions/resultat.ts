import { argumentInvalide } from "../core/errors";
import { eurosDepuisCents } from "../core/money";
import { montantResultat, type Decompte, type TypeResultat } from "../core/calculators/decompte";
import type { OptionsCalcul } from "../core/calculators/entrees";
import { decrireValeur, estVide, type MatriceExcel, type ValeurCellule } from "./excel";
import { lireDateSoins, motCle } from "./coercion";
import { fonctionExcel, type FonctionExcel, type Lecteurs, type Valeurs } from "./diffusion";

/** What a calculator returns: one of the amounts of the breakdown, or the breakdown itself. */
export type Resultat = TypeResultat | "DETAIL";

const RESULTATS: readonly Resultat[] = ["RC", "RO", "RAC", "TOTAL", "DETAIL"];

/** `resultat`: RC (default), RO, RAC, TOTAL or DETAIL, any case, with or without accents (« Détail »). */
export function lireResultat(v: ValeurCellule, nom = "resultat"): Resultat {
  if (estVide(v)) return "RC";
  const s = typeof v === "string" ? motCle(v) : "";
  if ((RESULTATS as readonly string[]).includes(s)) return s as Resultat;
  throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas valide — « RC », « RO », « RAC », « TOTAL » ou « DETAIL » est attendu.`);
}

const DETAIL_UNE_LIGNE =
  "DETAIL décompose une seule ligne de soins : donnez des cellules uniques (pas des plages de plusieurs lignes), ou choisissez RC, RO, RAC ou TOTAL.";

/** The last two arguments of every function that returns a breakdown: REMB.SOINS, OPTIQUE, AUDIO, DENTAIRE, SEJOUR. */
const DATE_ET_RESULTAT = { date_soins: lireDateSoins, resultat: lireResultat };

/**
 * The adapter of a function that returns a breakdown: its own arguments' readers, then [date_soins]; [resultat].
 * `calculer` runs the calculator with the options the result needs (the labelled steps only for DETAIL); the cell
 * gets one amount of the breakdown in euros, or DETAIL, the breakdown itself, for a one-line call.
 */
export function fonctionDecompte<L extends Lecteurs>(
  lecteurs: L,
  calculer: (v: Valeurs<L> & Valeurs<typeof DATE_ET_RESULTAT>, options: OptionsCalcul | undefined) => Decompte,
): FonctionExcel {
  return fonctionExcel({ ...lecteurs, ...DATE_ET_RESULTAT }, (lues, seul) => {
    // The same type, which TypeScript does not distribute over a generic intersection by itself.
    const v = lues as Valeurs<L> & Valeurs<typeof DATE_ET_RESULTAT>;
    if (v.resultat !== "DETAIL") return eurosDepuisCents(montantResultat(calculer(v, undefined), v.resultat));
    if (!seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    return tableDetail(calculer(v, { detail: true }));
  });
}

/**
 * DETAIL: a two-column table (label, amount in euros) spilled from the cell. Every step of the breakdown with its
 * legal reference, then the alerts; informative lines have an empty amount.
 */
function tableDetail(d: Decompte): MatriceExcel {
  const lignes: MatriceExcel = [];
  for (const e of d.etapes) {
    const libelle = e.reference ? `${e.libelle} — ${e.reference}` : e.libelle;
    lignes.push([libelle, e.montant === null ? "" : eurosDepuisCents(e.montant)]);
  }
  for (const a of d.alertes) lignes.push([`Alerte : ${a}`, ""]);
  if (lignes.length === 0) lignes.push(["Aucun détail disponible", ""]);
  return lignes;
}
