import { tauxEnPourcentTexte, type Cents } from "../money";
import type { Formule, Garantie, Periode, Terme, TermePeriode } from "./ast";
import { parseGarantie } from "./parse-garantie";
import { BASES, UNITES } from "./vocabulaire";

/*
 * The canonical text of a guarantee: one spelling per notion, so that two grids saying the same thing print
 * the same thing (and parse(unparse(g)) = g, unparse(parse(unparse(g))) = unparse(g)).
 *
 *   no benefit                 « Néant »                (not « - », « Non remboursé », « 0 € »…)
 *   service                    « Inclus » / « Oui »
 *   percentage                 « 150 % BR », « 1,5 % PMSS », « 100 % PLV »  (BRSS/TR/TC → BR; French comma;
 *                              a space before « % »; no thousands separator: « 10000 % BR »)
 *   whole FR / whole TM        « Frais réels » / « TM »; other shares « 50 % FR », « 50 % TM »
 *   amount                     « 50 € », « 38,50 € », « 1234,56 € »  (two decimals only when not whole)
 *   legal cap                  « Plafond du contrat responsable »
 *   sum                        « 100 % BR + 50 € / an »
 *   period                     « / an », « / 2 ans », « / séance », « / an / bénéficiaire »
 *   convention                 nothing (Sécu incluse by default), « Sécu incluse » when the cell said so
 *                              (for RO inclus, y compris RO, dont RO…),
 *                              « en sus du RO » (for hors RO, + RO, + Sécu, en complément de la Sécu…)
 *   limit                      « dans la limite de 300 € / an »; the whole of a base: « dans la limite des PLV »,
 *                              « des HLF », « des frais réels », « du TM », « des plafonds du contrat responsable »
 *   count                      « (max 4 séances / an) », « (max 4 / an) », « (max 1 équipement / 2 ans) »,
 *                              « (max 1 aide auditive par oreille / 4 ans) »; « / équipement tous les 2 ans » →
 *                              « / équipement (max 1 équipement / 2 ans) »
 *   no limit                   nothing (« sans limitation de durée », « illimités » are the absence of a limit)
 *   leading « + »              nothing (« + 200 € » → « 200 € »: the column says it comes on top of the base)
 *   order                      terms, convention, limit, count; only the first letter is capitalised.
 */

export function unparseGarantie(g: Garantie): string {
  switch (g.type) {
    case "neant":
      return "Néant";
    case "service":
      return g.texte;
    case "renvoi":
      return `Voir ${g.vers}`;
    case "formule": {
      const s = texteFormule(g);
      return s.charAt(0).toUpperCase() + s.slice(1);
    }
  }
}

/** The canonical text of a cell: `unparseGarantie(parseGarantie(texte))` (REMB.NORMALISER). */
export function normaliserGarantie(texte: string): string {
  return unparseGarantie(parseGarantie(texte));
}

/** The canonical text, first letter in lower case; without the convention when `avecConvention` is false. */
export function texteFormule(f: Formule, avecConvention = true): string {
  let s = texteSomme(f.termes);
  if (f.monture !== undefined) s += ` dont ${texteTerme({ type: "montant", cents: f.monture })} monture`;
  if (avecConvention && f.convention === "RO_EN_SUS") s += " en sus du RO";
  else if (avecConvention && f.conventionExplicite) s += " Sécu incluse";
  if (f.minimum) s += ` avec un minimum de ${texteSomme(f.minimum)}`;
  if (f.limite) s += ` dans la limite ${texteLimite(f.limite)}`;
  const m = f.nombreMax;
  if (m) {
    const unite = m.unite ? ` ${m.nombre > 1 ? UNITES[m.unite].pluriel : UNITES[m.unite].singulier}` : "";
    const par = m.par ? ` par ${UNITES[m.par].singulier}` : "";
    s += ` (max ${m.nombre}${unite}${par} ${textePeriode(m.periode)})`;
  }
  return s;
}

export function texteSomme(termes: readonly TermePeriode[]): string {
  return termes.map(texteTermePeriode).join(" + ");
}

function texteTermePeriode(tp: TermePeriode): string {
  return tp.periode ? `${texteTerme(tp.terme)} ${textePeriode(tp.periode)}` : texteTerme(tp.terme);
}

export function texteTerme(t: Terme): string {
  switch (t.type) {
    case "montant":
      return `${texteMontant(t.cents)} €`;
    case "plafondLegal":
      return "plafond du contrat responsable";
    case "pourcentage":
      if (t.taux.num === 1 && t.taux.exp === 0) {
        if (t.base === "FR") return "frais réels";
        if (t.base === "TM") return "TM";
      }
      return `${tauxEnPourcentTexte(t.taux)} % ${BASES[t.base]}`;
  }
}

export function textePeriode(p: Periode): string {
  const u = UNITES[p.unite];
  let base = p.nombre === 1 ? `/ ${u.singulier}` : `/ ${p.nombre} ${u.pluriel}`;
  if (p.duree) base += p.duree.nombre === 1 ? ` / ${UNITES[p.duree.unite].singulier}` : ` / ${p.duree.nombre} ${UNITES[p.duree.unite].pluriel}`;
  return p.beneficiaire ? `${base} / bénéficiaire` : base;
}

function texteLimite(termes: readonly TermePeriode[]): string {
  if (termes.length === 1 && !termes[0]!.periode) {
    const t = termes[0]!.terme;
    if (t.type === "plafondLegal") return "des plafonds du contrat responsable";
    if (t.type === "pourcentage" && t.taux.num === 1 && t.taux.exp === 0) {
      switch (t.base) {
        case "PLV":
          return "des PLV";
        case "HLF":
          return "des HLF";
        case "FR":
          return "des frais réels";
        case "TM":
          return "du TM";
        default:
          break;
      }
    }
  }
  return `de ${texteSomme(termes)}`;
}

/** « 50 », « 38,50 », « 1234,56 »: no thousands separator, so the canonical text is also easy to re-read. */
export function texteMontant(c: Cents): string {
  const entier = Math.floor(c / 100);
  const centimes = c - entier * 100;
  return centimes === 0 ? String(entier) : `${entier},${centimes < 10 ? "0" : ""}${centimes}`;
}
