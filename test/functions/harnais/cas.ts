import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { jourDepuisIso, serieDepuisJour } from "../../../src/core/dates";

/**
 * The cases of test/fixtures/functions/cas/*.json, run both against the TypeScript sources (cas.test.ts) and
 * against the built bundle in a vm (bundle.test.ts).
 *
 * Format of one file: { "fonction": "SOINS", "cas": [Cas…] }, or { "cas": [Cas…] } with a « fonction » per case. In `args`, a plain value is one cell (passed
 * Excel-style as [[v]]), an array of arrays is a range, null is an omitted argument, and {"date": "AAAA-MM-JJ"}
 * is a date cell (its Excel serial). `attendu` is a value (the 1×1 result) or a matrix; an error is
 * {"erreur": "#VALUE!" | "#N/A", "message"?: "substring of the French message" | ["substrings", "all", "present"]},
 * anywhere a value may be.
 * `detailContient` checks a DETAIL table by some of its rows instead (label substring and amount, in order).
 */

/** Excel shows at most 255 characters of a custom function's error message: what is expected must fit in them. */
const MESSAGE_EXCEL_MAX = 255;

export interface ErreurAttendue {
  readonly erreur: string;
  readonly message?: string | readonly string[];
}

export type ValeurAttendue = number | string | boolean | ErreurAttendue;

export interface Cas {
  readonly nom: string;
  /** In a table of several functions (erreurs-probables.json): the function of this case. */
  readonly fonction?: string;
  /** Where the expected value comes from (an article, a published example of docs/exemples-chiffres.md, docs/parametres.md, Excel behaviour…). */
  readonly source: string;
  readonly args: readonly unknown[];
  readonly attendu?: ValeurAttendue | readonly (readonly ValeurAttendue[])[];
  readonly detailContient?: readonly (readonly [string, number | string])[];
  /**
   * A spilled table checked by some of its rows (REMB.VERIFIER): each listed row must appear, in order, every
   * non-null cell being a substring of the result's cell; `nombreLignes` is the exact row count when given.
   */
  readonly tableContient?: readonly (readonly (string | null)[])[];
  readonly nombreLignes?: number;
  /** The ranges' addresses Excel passes to a function declared @requiresParameterAddresses. */
  readonly adresses?: readonly string[];
}

export interface FichierCas {
  readonly fonction: string;
  readonly fichier: string;
  readonly cas: readonly Cas[];
}

const DOSSIER = path.resolve(__dirname, "../../fixtures/functions/cas");

export function chargerCas(): FichierCas[] {
  return readdirSync(DOSSIER)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(path.join(DOSSIER, f), "utf8")) as { fonction?: string; cas: Cas[] };
      if (j.fonction !== undefined) return [{ fonction: j.fonction, fichier: f, cas: j.cas }];
      // A table across functions: one group per function, in the order of first appearance.
      const parFonction = new Map<string, Cas[]>();
      for (const c of j.cas) {
        if (c.fonction === undefined) throw new Error(`${f} : cas « ${c.nom} » sans « fonction »`);
        parFonction.set(c.fonction, [...(parFonction.get(c.fonction) ?? []), c]);
      }
      return [...parFonction].map(([fonction, cas]) => ({ fonction, fichier: f, cas }));
    })
    .flat();
}

/**
 * Excel-shaped arguments: every declared argument is a matrix and omitted ones are null, up to the declared count
 * (Excel always passes them all, then the invocation object).
 */
export function argumentsExcel(args: readonly unknown[], declares: number): unknown[] {
  if (args.length > declares) throw new Error(`${args.length} arguments pour ${declares} déclarés`);
  return [...args, ...new Array<null>(declares - args.length).fill(null)].map((a) => {
    if (a === null || a === undefined) return null;
    if (Array.isArray(a)) return a.map((ligne: unknown[]) => ligne.map(valeurCellule));
    return [[valeurCellule(a)]];
  });
}

function valeurCellule(v: unknown): unknown {
  if (v !== null && typeof v === "object" && "date" in v) return serieDepuisJour(jourDepuisIso((v as { date: string }).date));
  return v;
}

export function estErreurAttendue(v: unknown): v is ErreurAttendue {
  return v !== null && typeof v === "object" && !Array.isArray(v) && "erreur" in v;
}

/** Expected result as a matrix (a plain value is the 1×1 result). */
export function matriceAttendue(c: Cas): readonly (readonly ValeurAttendue[])[] {
  return Array.isArray(c.attendu) ? (c.attendu as ValeurAttendue[][]) : [[c.attendu as ValeurAttendue]];
}

/**
 * Differences between a result and the expectation, in French (empty when equal). Amounts are compared exactly:
 * the adapters return cents / 100, the nearest double to the decimal amount, which is also what JSON.parse gives
 * for the expected decimal, so equality of the numbers is equality of the cents.
 */
export function ecarts(c: Cas, resultat: unknown): string[] {
  const e: string[] = [];
  if (!Array.isArray(resultat) || !resultat.every((l) => Array.isArray(l))) return [`résultat non matriciel : ${JSON.stringify(resultat)}`];
  const r = resultat as unknown[][];
  if (c.detailContient) {
    if (r.some((l) => l.length !== 2)) e.push(`DETAIL : 2 colonnes attendues, ${JSON.stringify(r.map((l) => l.length))}`);
    let depuis = 0;
    for (const [libelle, montant] of c.detailContient) {
      const i = r.findIndex((l, k) => k >= depuis && String(l[0]).includes(libelle) && l[1] === montant);
      if (i < 0) e.push(`DETAIL : ligne « ${libelle} » = ${JSON.stringify(montant)} absente (ou hors ordre) dans ${JSON.stringify(r)}`);
      else depuis = i + 1;
    }
    return e;
  }
  if (c.tableContient) {
    if (c.nombreLignes !== undefined && r.length !== c.nombreLignes) e.push(`${r.length} lignes au lieu de ${c.nombreLignes} : ${JSON.stringify(r)}`);
    let depuis = 0;
    for (const attendue of c.tableContient) {
      // French typography puts no-break spaces in amounts and percentages; fixtures are written with plain spaces.
      const espaces = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
      const i = r.findIndex((l, k) => k >= depuis && attendue.every((x, j) => x === null || espaces(String(l[j])).includes(espaces(x))));
      if (i < 0) e.push(`ligne ${JSON.stringify(attendue)} absente (ou hors ordre) dans ${JSON.stringify(r)}`);
      else depuis = i + 1;
    }
    return e;
  }
  if (c.attendu === undefined) return ["cas sans « attendu », « detailContient » ni « tableContient »"];
  const a = matriceAttendue(c);
  if (r.length !== a.length || r.some((l, i) => l.length !== a[i]!.length)) {
    return [`forme ${r.length}×${r[0]?.length} au lieu de ${a.length}×${a[0]?.length} : ${JSON.stringify(r)}`];
  }
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i]!.length; j++) {
      const att = a[i]![j]!;
      const obt = r[i]![j];
      if (estErreurAttendue(att)) {
        const o = obt as { code?: unknown; message?: unknown } | null;
        if (!o || typeof o !== "object" || o.code !== att.erreur) e.push(`[${i}][${j}] : erreur ${att.erreur} attendue, obtenu ${JSON.stringify(obt)}`);
        else if (typeof o.message === "string" && o.message.length > MESSAGE_EXCEL_MAX) {
          e.push(`[${i}][${j}] : message de ${o.message.length} caractères, Excel n'en montre que ${MESSAGE_EXCEL_MAX} : « ${o.message} »`);
        } else {
          for (const m of typeof att.message === "string" ? [att.message] : (att.message ?? [])) {
            if (!(typeof o.message === "string" && o.message.includes(m)))
              e.push(`[${i}][${j}] : message contenant « ${m} » attendu, obtenu « ${String(o.message)} »`);
          }
        }
      } else if (obt !== att) {
        e.push(`[${i}][${j}] : ${JSON.stringify(att)} attendu, obtenu ${JSON.stringify(obt)}`);
      }
    }
  }
  return e;
}
