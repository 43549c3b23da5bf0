import type { Jour } from "../../core/dates";
import { dateOption } from "../arguments";
import { ErreurUsage, lireArguments, type Lecteur } from "../grammaire-options";
import { champDepuisNom, NOM_CHAMP, CHAMPS, type Champ } from "./colonnes";

/** `remb calculer` options (arguments.ts parses the common grammar and calls analyserCalculer). */
export interface OptionsCalculer {
  readonly commande: "calculer";
  /** The claims table: .csv/.txt/.tsv, .xlsx, .parquet. */
  readonly sinistres: string;
  readonly grille?: string;
  readonly niveau?: string;
  /** Output table (.csv or .parquet); none: summary only. */
  readonly sortie?: string;
  /** `--colonne champ=NOM`, in order. */
  readonly colonnes: readonly (readonly [Champ, string])[];
  /** `--colonnes fichier`: mapping file. */
  readonly fichierColonnes?: string;
  readonly json: boolean;
  /** `--plafonds`: also write the guarantee retained and the cap that bound. */
  readonly plafonds: boolean;
  /** `--rejets fichier`: every rejected line with its reason (CSV). */
  readonly rejets?: string;
  /** `--fils N`: worker threads (0: in the main thread). */
  readonly fils?: number;
  /** `--bloc N`: block size in MiB. */
  readonly blocMio?: number;
  readonly responsable?: boolean;
  /** `--date-contrat`: the contract date for every line. */
  readonly dateContrat?: Jour;
  readonly feuille?: string;
  /** `--silencieux`: no progress bar even on a terminal. */
  readonly silencieux: boolean;
}

export type ResultatAnalyse<T> = T | { readonly commande: "aide"; readonly sujet: "calculer" | "sql" };

/** `remb calculer <sinistres> --grille … --niveau …` */
export function analyserCalculer(args: readonly string[]): ResultatAnalyse<OptionsCalculer> {
  const o: Record<string, unknown> = {};
  let aide = false;
  const positionnels = lireArguments(
    args,
    (nom, l) => {
      if (nom === "--aide" || nom === "--help" || nom === "-h") {
        l.sansValeur();
        aide = true;
        return true;
      }
      if (nom === "--json") {
        l.sansValeur();
        l.une(nom);
        o.json = true;
        return true;
      }
      return optionCalculer(nom, l, o);
    },
    { connues: OPTIONS_CALCULER, aide: "remb aide calculer", vide: "Argument vide dans la ligne de commande." },
  );
  if (aide) return { commande: "aide", sujet: "calculer" };
  if (positionnels.length === 0)
    throw new ErreurUsage('Table de sinistres manquante. Exemple : remb calculer sinistres.csv --grille grille.csv --niveau "Niveau 2"');
  if (positionnels.length > 1) throw new ErreurUsage(`Une seule table de sinistres à la fois : ${positionnels.map((p) => `« ${p} »`).join(", ")}.`);
  if ((o.grille === undefined) !== (o.niveau === undefined)) {
    throw new ErreurUsage(
      o.grille === undefined
        ? "--niveau sans --grille : donnez la grille dont il est un niveau."
        : "--grille sans --niveau : dites quel niveau de la grille appliquer (nom ou rang).",
    );
  }
  return {
    commande: "calculer",
    sinistres: positionnels[0]!,
    colonnes: (o.colonnes as [Champ, string][] | undefined) ?? [],
    json: o.json === true,
    plafonds: o.plafonds === true,
    silencieux: o.silencieux === true,
    ...(o as Partial<OptionsCalculer>),
  } as OptionsCalculer;
}

/** One option of `calculer`; false when the name is not one of them. */
export function optionCalculer(nom: string, l: Lecteur, o: Record<string, unknown>): boolean {
  const erreur = (m: string) => new ErreurUsage(m);
  switch (nom) {
    case "--grille":
      l.une(nom);
      o.grille = l.valeur("un fichier de grille (CSV, XLSX, JSON)");
      return true;
    case "--niveau":
      l.une(nom);
      o.niveau = l.valeur("le nom ou le rang d'un niveau de la grille");
      return true;
    case "--sortie":
    case "-o":
      l.une("--sortie");
      o.sortie = l.valeur("un fichier de sortie (.csv ou .parquet)");
      return true;
    case "--colonne": {
      const v = l.valeur("champ=colonne (ex. date=DT_SOINS)");
      const egal = v.indexOf("=");
      const champ = egal > 0 ? champDepuisNom(v.slice(0, egal)) : undefined;
      if (champ === undefined || egal === v.length - 1) {
        throw erreur(`--colonne « ${v} » : champ=colonne attendu, champs : ${CHAMPS.map((c) => NOM_CHAMP[c]).join(", ")}.`);
      }
      const liste = (o.colonnes ??= []) as [Champ, string][];
      if (liste.some(([c]) => c === champ)) throw erreur(`--colonne ${NOM_CHAMP[champ]} donnée deux fois.`);
      liste.push([champ, v.slice(egal + 1)]);
      return true;
    }
    case "--colonnes":
      l.une(nom);
      o.fichierColonnes = l.valeur("un fichier de correspondance des colonnes (JSON ou CSV)");
      return true;
    case "--plafonds":
      l.sansValeur();
      l.une(nom);
      o.plafonds = true;
      return true;
    case "--rejets":
      l.une(nom);
      o.rejets = l.valeur("un fichier CSV pour les lignes rejetées");
      return true;
    case "--fils": {
      l.une(nom);
      const v = l.valeur("un nombre de fils de calcul (0 : aucun)");
      if (!/^[0-9]{1,3}$/.test(v)) throw erreur(`--fils : un nombre entier attendu, « ${v} » reçu.`);
      o.fils = Number(v);
      return true;
    }
    case "--bloc": {
      l.une(nom);
      const v = l.valeur("une taille de bloc en Mio");
      if (!/^[0-9]{1,4}$/.test(v) || Number(v) < 1) throw erreur(`--bloc : une taille en Mio (1 à 9999) attendue, « ${v} » reçu.`);
      o.blocMio = Number(v);
      return true;
    }
    case "--responsable":
    case "--non-responsable":
      l.sansValeur();
      l.une(nom, "responsable");
      o.responsable = nom === "--responsable";
      return true;
    case "--date-contrat":
      l.une(nom);
      o.dateContrat = dateOption(l.valeur("une date (AAAA-MM-JJ ou JJ/MM/AAAA)"));
      return true;
    case "--feuille":
      l.une(nom);
      o.feuille = l.valeur("un nom de feuille");
      return true;
    case "--silencieux":
    case "-q":
      l.sansValeur();
      l.une("--silencieux");
      o.silencieux = true;
      return true;
    default:
      return false;
  }
}

export const OPTIONS_CALCULER = [
  "--grille",
  "--niveau",
  "--sortie",
  "--colonne",
  "--colonnes",
  "--plafonds",
  "--rejets",
  "--fils",
  "--bloc",
  "--responsable",
  "--non-responsable",
  "--date-contrat",
  "--feuille",
  "--silencieux",
  "--json",
  "--aide",
] as const;
