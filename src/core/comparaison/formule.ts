import type { ScenarioResolu } from "./scenarios";
import type { ENTETE_SCENARIOS } from "./table";

/**
 * The REMB function call that computes one scenario under one guarantee, as the comparison sheets write it: each
 * argument is a cell of the scenario table (so a price the user edits flows through), the contract's guarantee
 * cell, the comparison date cell, or a literal. Kept as a structure, rendered to an A1 formula by `texteFormule`,
 * so that tests can evaluate the very call with the real functions and compare with the core's figures.
 */
export type ColonneScenario = (typeof ENTETE_SCENARIOS)[number];

export type ArgumentAppel =
  | { readonly colonne: ColonneScenario }
  | { readonly garantie: true }
  | { readonly date: true }
  | { readonly resultat: true }
  /** Argument left empty (its default). */
  | null;

export interface AppelRemb {
  readonly fonction: "SOINS" | "SEJOUR" | "DENTAIRE" | "OPTIQUE" | "AUDIO";
  readonly args: readonly ArgumentAppel[];
}

export type Resultat = "RO" | "RC" | "RAC";

const G = { garantie: true } as const;
const D = { date: true } as const;
const R = { resultat: true } as const;
const col = (colonne: ColonneScenario) => ({ colonne });

/**
 * The call for scenario `s`; `reseau`: the contract is a réseau column and the scenario has a réseau price. Null
 * when no REMB function takes what the core used (the HLF of a dental act): the sheet then writes the value.
 */
export function appelScenario(s: ScenarioResolu, reseau: boolean): AppelRemb | null {
  const prix = col(reseau && s.prixReseau !== undefined ? "Prix réseau" : "Prix");
  switch (s.calculateur) {
    case "soins":
      return { fonction: "SOINS", args: [prix, col("BR"), col("Taux RO"), G, col("Secteur"), col("Retenue"), D, R] };
    case "sejour":
      // A BR equal to the price follows the price: the réseau price too (none for stays today).
      return { fonction: "SEJOUR", args: [prix, s.br === s.prix ? prix : col("BR"), G, col("Acte lourd"), s.taux ? col("Taux RO") : null, D, R] };
    case "dentaire":
      if (s.hlf !== undefined) return null;
      return { fonction: "DENTAIRE", args: [G, prix, col("BR"), col("Classe ou panier"), s.taux ? col("Taux RO") : null, D, R] };
    case "optique":
      return { fonction: "OPTIQUE", args: [G, null, prix, col("Catégorie"), col("Classe ou panier"), null, D, R] };
    case "audio":
      return { fonction: "AUDIO", args: [G, prix, col("Classe ou panier"), s.age === undefined ? null : col("Âge"), D, R] };
  }
}

export interface ReferencesFormule {
  /** A1 reference of a column of the scenario's row (« Scénarios!$E$4 »). */
  readonly colonne: (c: ColonneScenario) => string;
  /** A1 reference of the contract's guarantee cell for this scenario. */
  readonly garantie: string;
  /** A1 reference of the comparison date. */
  readonly date: string;
}

/**
 * The formula in invariant syntax (what `range.formulas` and the file format take): English separators, « , »
 * between arguments; an empty argument is written empty, trailing empty ones are dropped. The monture of an
 * optical equipment is written 0 (the scenarios give the price of the whole equipment).
 */
export function texteFormule(a: AppelRemb, resultat: Resultat, r: ReferencesFormule): string {
  const textes = a.args.map((x, i): string => {
    if (x === null) return a.fonction === "OPTIQUE" && i === 1 ? "0" : "";
    if ("colonne" in x) return r.colonne(x.colonne);
    if ("garantie" in x) return r.garantie;
    if ("date" in x) return r.date;
    return `"${resultat}"`;
  });
  return `=REMB.${a.fonction}(${textes.join(",")})`;
}
