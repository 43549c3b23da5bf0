import { formatEuros, tauxEnPourcentTexte, type Cents, type Taux } from "../money";
import type { Formule, Garantie, Terme, TermePeriode } from "../garantie";
import type { Etape } from "./decompte";

/**
 * Builders of DETAIL lines. Called only when the caller asked for the detail (options.detail): the path without
 * detail builds no string at all.
 */

const NBSP = "\u00a0";

/** « 70 % », « 1,5 % ». */
export function pourcent(t: Taux): string {
  return `${tauxEnPourcentTexte(t)}${NBSP}%`;
}

/** « 1 234,56 € ». */
export function euros(c: Cents): string {
  return formatEuros(c);
}

export function etape(libelle: string, montant: Cents | null, reference?: string): Etape {
  return reference ? { libelle, montant, reference } : { libelle, montant };
}

/**
 * How the guarantee was read, in French, for the DETAIL line « Garantie retenue ». A readable fallback until
 * the parser's canonical printer is wired in; it never throws.
 */
export function interpretationGarantie(g: Garantie): string {
  switch (g.type) {
    case "neant":
      return "néant (aucune prise en charge complémentaire)";
    case "service":
      return `service « ${g.texte} » (non monétaire)`;
    case "formule":
      return interpretationFormule(g);
  }
}

function interpretationFormule(f: Formule): string {
  let s = f.termes.map(texteTermePeriode).join(" + ");
  if (f.limite) s += ` dans la limite de ${f.limite.map(texteTermePeriode).join(" + ")}`;
  if (f.nombreMax) s += ` (${f.nombreMax.nombre} au plus par ${f.nombreMax.periode.unite})`;
  s += f.convention === "RO_EN_SUS" ? " en sus du RO" : " Sécu incluse";
  return s;
}

function texteTermePeriode(tp: TermePeriode): string {
  const t = texteTerme(tp.terme);
  if (!tp.periode) return t;
  const p = tp.periode;
  return p.nombre === 1 ? `${t} / ${p.unite}` : `${t} / ${p.nombre} ${p.unite}`;
}

function texteTerme(t: Terme): string {
  switch (t.type) {
    case "montant":
      return euros(t.cents);
    case "plafondLegal":
      return "le plafond du contrat responsable";
    case "pourcentage":
      return `${pourcent(t.taux)} ${t.base}`;
  }
}
