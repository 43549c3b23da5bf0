import { jourDepuisCivil, joursDansMois, type Jour } from "../core/dates";
import { ErreurUsage, lireArguments, suggestion } from "./grammaire-options";
import { analyserCalculer, type OptionsCalculer } from "./calculer/options";
import { analyserComparer, type OptionsComparer } from "./comparer";
import { analyserSql, type OptionsSql } from "./sql/options";

/**
 * Command-line parsing of `remb`. Pure (argv in, a command or an ErreurUsage out) so the whole grammar is tested
 * as a table (test/fixtures/cli/arguments.json). GNU-style: options anywhere among the paths, `--opt valeur` or
 * `--opt=valeur`, `--` ends the options. Every message is French: auditors read them.
 */

export type Gravite = "erreur" | "alerte" | "info";
export type UniteNombres = "auto" | "pourcentage" | "multiple" | "euros";

export interface OptionsVerifier {
  /** Files and folders, in the order given. */
  readonly chemins: readonly string[];
  /** `--date`: the contract date applied to every grid (OptionsVerification.date). */
  readonly date?: Jour;
  readonly json: boolean;
  /** `--feuille`: the sheet to read in every XLSX workbook. */
  readonly feuille?: string;
  /** `--responsable` / `--non-responsable`: overrides what the grid says (or does not say). */
  readonly responsable?: boolean;
  /** `--collectif` / `--individuel`. */
  readonly collectif?: boolean;
  /** `--nombres`: unit of unformatted numbers in CSV/XLSX grids (docs/format-grille.md §4). */
  readonly nombres?: UniteNombres;
  /** `--gravite`: the least severe findings shown (counts and exit code stay complete). */
  readonly gravite: Gravite;
  /** `--lecture`: also show what was understood of each line and cell (poste, confidence, reading). */
  readonly lecture: boolean;
  /** `--corrections`: a corrections file (JSON or CSV) applied to the grids read. */
  readonly corrections?: string;
}

export type Commande =
  | { readonly commande: "aide"; readonly sujet?: "verifier" | "calculer" | "sql" | "comparer" }
  | { readonly commande: "version" }
  | ({ readonly commande: "verifier" } & OptionsVerifier)
  | OptionsCalculer
  | OptionsSql
  | ({ readonly commande: "comparer" } & OptionsComparer);

const COMMANDES = ["verifier", "calculer", "sql", "comparer", "aide"] as const;
const OPTIONS_VERIFIER = [
  "--date",
  "--json",
  "--feuille",
  "--responsable",
  "--non-responsable",
  "--collectif",
  "--individuel",
  "--nombres",
  "--gravite",
  "--lecture",
  "--corrections",
  "--aide",
  "--help",
] as const;
const NOMBRES: readonly UniteNombres[] = ["auto", "pourcentage", "multiple", "euros"];
const GRAVITES: readonly Gravite[] = ["erreur", "alerte", "info"];

export function analyserArguments(argv: readonly string[]): Commande {
  const [premier, ...reste] = argv;
  if (premier === undefined) throw new ErreurUsage("Commande manquante. Exemple : remb verifier grilles/ --date 2026-01-01");
  switch (premier) {
    case "-h":
    case "--help":
    case "--aide":
      return { commande: "aide" };
    case "--version":
    case "-v":
      return { commande: "version" };
    case "aide":
    case "help":
      if (reste.length === 0) return { commande: "aide" };
      if (reste.length === 1 && estVerifier(reste[0]!)) return { commande: "aide", sujet: "verifier" };
      if (reste.length === 1 && reste[0] === "calculer") return { commande: "aide", sujet: "calculer" };
      if (reste.length === 1 && reste[0] === "sql") return { commande: "aide", sujet: "sql" };
      if (reste.length === 1 && reste[0] === "comparer") return { commande: "aide", sujet: "comparer" };
      throw new ErreurUsage(`Aide inconnue : « ${reste.join(" ")} ». Essayez : remb aide verifier`);
    default:
      if (estVerifier(premier)) return analyserVerifier(reste);
      if (premier === "calculer") return analyserCalculer(reste);
      if (premier === "sql") return analyserSql(reste);
      if (premier === "comparer") {
        const o = analyserComparer(reste);
        return o === "aide" ? { commande: "aide", sujet: "comparer" } : { commande: "comparer", ...o };
      }
      if (premier.startsWith("-")) throw new ErreurUsage(`Option ${premier} avant la commande : écrivez remb verifier ${premier} …`);
      throw new ErreurUsage(`Commande inconnue : « ${premier} ».${suggestion(premier, COMMANDES)} Commandes : verifier, calculer, sql, comparer, aide.`);
  }
}

/** « vérifier » is what a French user types; « verifier » is what a script does. */
function estVerifier(mot: string): boolean {
  return mot === "verifier" || mot === "vérifier";
}

function analyserVerifier(args: readonly string[]): Commande {
  let date: Jour | undefined;
  let json = false;
  let lecture = false;
  let corrections: string | undefined;
  let feuille: string | undefined;
  let responsable: boolean | undefined;
  let collectif: boolean | undefined;
  let nombres: UniteNombres | undefined;
  let gravite: Gravite = "info";
  let aide = false;
  const chemins = lireArguments(
    args,
    (nom, { valeur, sansValeur, une }) => {
      switch (nom) {
        case "-h":
        case "--aide":
        case "--help":
          sansValeur();
          aide = true;
          return true;
        case "--date":
          une(nom);
          date = dateOption(valeur("une date (AAAA-MM-JJ ou JJ/MM/AAAA)"));
          return true;
        case "--json":
          sansValeur();
          une(nom);
          json = true;
          return true;
        case "--feuille":
          une(nom);
          feuille = valeur("un nom de feuille");
          return true;
        case "--responsable":
        case "--non-responsable":
          sansValeur();
          une(nom, "responsable");
          responsable = nom === "--responsable";
          return true;
        case "--collectif":
        case "--individuel":
          sansValeur();
          une(nom, "collectif");
          collectif = nom === "--collectif";
          return true;
        case "--nombres":
          une(nom);
          nombres = choix(nom, valeur(`l'une des valeurs ${NOMBRES.join(", ")}`), NOMBRES);
          return true;
        case "--gravite":
        case "--gravité":
          une("--gravite");
          gravite = choix(nom, valeur(`l'une des valeurs ${GRAVITES.join(", ")}`), GRAVITES);
          return true;
        case "--lecture":
          sansValeur();
          une(nom);
          lecture = true;
          return true;
        case "--corrections":
          une(nom);
          corrections = valeur("un fichier de corrections (JSON ou CSV)");
          return true;
        default:
          return false;
      }
    },
    {
      connues: OPTIONS_VERIFIER,
      aide: "remb aide verifier",
      vide: "Chemin vide dans la ligne de commande.",
      tiretRefuse: "La lecture sur l'entrée standard (« - ») n'est pas prise en charge : donnez un fichier ou un dossier.",
    },
  );
  if (aide) return { commande: "aide", sujet: "verifier" };
  if (chemins.length === 0) throw new ErreurUsage("Aucun fichier ni dossier à vérifier. Exemple : remb verifier grilles/ --date 2026-01-01");
  return {
    commande: "verifier",
    chemins,
    json,
    gravite,
    lecture,
    ...(corrections !== undefined ? { corrections } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(feuille !== undefined ? { feuille } : {}),
    ...(responsable !== undefined ? { responsable } : {}),
    ...(collectif !== undefined ? { collectif } : {}),
    ...(nombres !== undefined ? { nombres } : {}),
  };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const FR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * `--date`: AAAA-MM-JJ (what scripts write) or JJ/MM/AAAA (what French users type). The core's jourDepuisTexte
 * reads both too, but its message speaks of AAAA-MM-JJ only; here the message names the option and both forms.
 */
export function dateOption(texte: string): Jour {
  const t = texte.trim();
  const iso = ISO.exec(t);
  const fr = iso ? null : FR.exec(t);
  const m = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : null;
  if (m) {
    const [a, mo, j] = m.map(Number) as [number, number, number];
    if (a >= 1900 && a <= 9999 && mo >= 1 && mo <= 12 && j >= 1 && j <= joursDansMois(a, mo)) return jourDepuisCivil(a, mo, j);
    throw new ErreurUsage(`Date invalide pour --date : « ${texte} » n'existe pas.`);
  }
  throw new ErreurUsage(`Date invalide pour --date : « ${texte} » — AAAA-MM-JJ (2026-01-01) ou JJ/MM/AAAA (01/01/2026) attendu.`);
}

function choix<T extends string>(option: string, v: string, valeurs: readonly T[]): T {
  if ((valeurs as readonly string[]).includes(v)) return v as T;
  throw new ErreurUsage(`Valeur invalide pour ${option} : « ${v} » — ${valeurs.join(", ")} attendu.`);
}

export { ErreurUsage };
