import { ErreurUsage } from "../arguments";
import { type ResultatAnalyse } from "../calculer/options";
import { lireArguments } from "../grammaire-options";
import type { ColonnesSql } from "../../core/sql";

/** `remb sql` options. */
export interface OptionsSql {
  readonly commande: "sql";
  readonly grille: string;
  readonly niveau: string;
  /** The claims table's name in the query (default « sinistres »). */
  readonly table: string;
  readonly vue?: string;
  readonly colonnes: readonly (readonly [keyof ColonnesSql, string])[];
  readonly responsable?: boolean;
  readonly sortie?: string;
  /** Run the query with DuckDB over this CSV or Parquet file. */
  readonly executer?: string;
  /** With --executer: every line to this file (.parquet or .csv). */
  readonly resultats?: string;
  readonly feuille?: string;
}

const CHAMPS: Readonly<Record<string, keyof ColonnesSql>> = {
  date: "date",
  date_soins: "date",
  frais: "frais",
  base: "base",
  poste: "poste",
  taux_ro: "tauxRo",
  secteur: "secteur",
  retenue: "retenue",
  date_contrat: "dateContrat",
};

const OPTIONS = [
  "--grille",
  "--niveau",
  "--table",
  "--vue",
  "--colonne",
  "--responsable",
  "--non-responsable",
  "--sortie",
  "--executer",
  "--resultats",
  "--feuille",
  "--aide",
];

export function analyserSql(args: readonly string[]): ResultatAnalyse<OptionsSql> {
  const o: Record<string, unknown> = { colonnes: [] };
  let aide = false;
  const positionnels = lireArguments(
    args,
    (nom, l) => {
      switch (nom) {
        case "--aide":
        case "--help":
        case "-h":
          l.sansValeur();
          aide = true;
          return true;
        case "--grille":
        case "--niveau":
        case "--table":
        case "--vue":
        case "--sortie":
        case "--executer":
        case "--resultats":
        case "--feuille":
          l.une(nom);
          o[nom.slice(2)] = l.valeur("une valeur");
          return true;
        case "--responsable":
        case "--non-responsable":
          l.sansValeur();
          l.une(nom, "responsable");
          o.responsable = nom === "--responsable";
          return true;
        case "--colonne": {
          const v = l.valeur("champ=colonne (ex. date=DT_SOINS)");
          const egal = v.indexOf("=");
          const champ = egal > 0 ? CHAMPS[v.slice(0, egal).toLowerCase()] : undefined;
          if (champ === undefined || egal === v.length - 1)
            throw new ErreurUsage(`--colonne « ${v} » : champ=colonne attendu, champs : ${Object.keys(CHAMPS).join(", ")}.`);
          (o.colonnes as [keyof ColonnesSql, string][]).push([champ, v.slice(egal + 1)]);
          return true;
        }
        default:
          return false;
      }
    },
    { connues: OPTIONS, aide: "remb aide sql", vide: "Argument vide dans la ligne de commande." },
  );
  if (aide) return { commande: "aide", sujet: "sql" };
  if (positionnels.length > 0)
    throw new ErreurUsage(`Argument inattendu : « ${positionnels[0]} » (la table se nomme avec --table, un fichier à calculer avec --executer).`);
  if (o.grille === undefined || o.niveau === undefined)
    throw new ErreurUsage('remb sql attend --grille et --niveau. Exemple : remb sql --grille grille.csv --niveau "Niveau 2" > remb.sql');
  if (o.resultats !== undefined && o.executer === undefined) throw new ErreurUsage("--resultats sans --executer : rien n'est exécuté.");
  return { commande: "sql", table: (o.table as string | undefined) ?? "sinistres", ...(o as object) } as OptionsSql;
}
