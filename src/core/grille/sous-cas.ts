import { plier } from "../texte/plier";

/**
 * A cell that prints two cases of one line: « CAS 80 % BRSS Hors CAS 60 % BRSS », « Praticiens adhérents DPTM : 70 % de
 * la BR Praticiens non adhérents DPTM : 50 % de la BR », « 250 % de la base de remboursement – adhérent DPTM 200 % de la
 * base de remboursement – non adhérent DPTM », « Etablissements conventionnés : 100 % des frais réels … ». Each case is
 * its qualifier and its guarantee text; the grid reads the doctors' sectors as two lines (OPTAM and non-OPTAM), the
 * other cases as the main case with the others listed.
 */
export type SorteSousCas = "secteur" | "etablissement" | "age";

export interface SousCas {
  readonly sorte: SorteSousCas;
  /** OPTAM / NON-OPTAM, CONVENTIONNE / NON-CONVENTIONNE, ADULTE / ENFANT. */
  readonly cas: string;
  /** The qualifier as printed (« Hors CAS », « Etablissements non conventionnés »). */
  readonly qualificatif: string;
  /** The guarantee text of the case. */
  readonly texte: string;
}

interface Qualif {
  readonly re: RegExp;
  readonly sorte: SorteSousCas;
  readonly cas: string;
}

/** Qualifiers, most specific first (« non adhérents » before « adhérents »). */
const QUALIFS: readonly Qualif[] = [
  {
    re: /(?:praticiens?\s+|m[ée]decins?\s+)?(?:non[\s-]+(?:adh[ée]r[ea]nts?|signataires?)|hors)\s+(?:(?:au|à|a|d'un|du)\s+)?(?:(?:dispositifs?\s+de\s+pratique\s+tarifaire\s+ma[iî]tris[ée]e)|DPTA?M|OPTAM(?:[\s/-]*OPTAM[\s-]*CO)?|CAS|contrat\s+d'acc[eè]s\s+aux\s+soins)/giu,
    sorte: "secteur",
    cas: "NON-OPTAM",
  },
  {
    re: /(?:praticiens?\s+|m[ée]decins?\s+)?(?:adh[ée]r[ea]nts?|signataires?)\s+(?:(?:au|à|a|d'un|du)\s+)?(?:(?:dispositifs?\s+de\s+pratique\s+tarifaire\s+ma[iî]tris[ée]e)|DPTA?M|OPTAM(?:[\s/-]*OPTAM[\s-]*CO)?|CAS|contrat\s+d'acc[eè]s\s+aux\s+soins)/giu,
    sorte: "secteur",
    cas: "OPTAM",
  },
  { re: /\bCAS\b/g, sorte: "secteur", cas: "OPTAM" },
  { re: /(?:[ée]tablissements?|secteur)\s+non[\s-]+conventionn[ée]s?/giu, sorte: "etablissement", cas: "NON-CONVENTIONNE" },
  { re: /(?:[ée]tablissements?|secteur)\s+conventionn[ée]s?/giu, sorte: "etablissement", cas: "CONVENTIONNE" },
  { re: /\b(?:enfants?|moins\s+de\s+\d+\s+ans)\b/giu, sorte: "age", cas: "ENFANT" },
  { re: /\badultes?\b/giu, sorte: "age", cas: "ADULTE" },
];

/**
 * The cases a cell prints, in order, or [] when it prints one guarantee. At least two qualifiers of one kind and a
 * guarantee for each are required.
 */
export function lireSousCas(texte: string): SousCas[] {
  const t = texte.replace(/\s+/g, " ").trim();
  if (t.length < 8 || !/\d/.test(t)) return [];
  // Every qualifier occurrence, the earliest and longest first, without overlaps.
  const trouves: { debut: number; fin: number; q: Qualif; texte: string }[] = [];
  for (const q of QUALIFS) {
    for (const m of t.matchAll(q.re)) {
      const debut = m.index!;
      const fin = debut + m[0].length;
      if (trouves.some((x) => debut < x.fin && fin > x.debut)) continue;
      trouves.push({ debut, fin, q, texte: m[0] });
    }
  }
  trouves.sort((a, b) => a.debut - b.debut);
  if (trouves.length < 2) return [];
  const sorte = trouves[0]!.q.sorte;
  if (!trouves.every((x) => x.q.sorte === sorte) || new Set(trouves.map((x) => x.q.cas)).size < 2) return [];
  // Qualifier before its value (« CAS 80 % BRSS Hors CAS 60 % BRSS », « X : 100 % ») or after it (« 250 % … – adhérent
  // DPTM 200 % … – non adhérent DPTM »): decided by where the first guarantee stands.
  const avant = trouves[0]!.debut === 0 || !/\d/.test(t.slice(0, trouves[0]!.debut));
  const r: SousCas[] = [];
  trouves.forEach((x, i) => {
    const segment = avant ? t.slice(x.fin, i + 1 < trouves.length ? trouves[i + 1]!.debut : t.length) : t.slice(i === 0 ? 0 : trouves[i - 1]!.fin, x.debut);
    const valeur = segment.replace(/^[\s:–—-]+|[\s:;,–—-]+$/g, "").trim();
    if (valeur !== "" && /\d|frais r[ée]els|ticket mod|n[ée]ant/i.test(valeur)) r.push({ sorte, cas: x.q.cas, qualificatif: x.texte, texte: valeur });
  });
  return r.length >= 2 && new Set(r.map((c) => c.cas)).size >= 2 ? r : [];
}

/** A cell that holds only a qualifier and a value (« Etablissements non conventionnés : 80 % … », a continuation row). */
export function lireCasUnique(texte: string): SousCas | undefined {
  const t = texte.replace(/\s+/g, " ").trim();
  for (const q of QUALIFS) {
    q.re.lastIndex = 0;
    const m = q.re.exec(t);
    q.re.lastIndex = 0;
    if (!m) continue;
    const avant = t.slice(0, m.index);
    const apres = t.slice(m.index + m[0].length);
    const valeur = (/\d/.test(avant) ? avant : apres).replace(/^[\s:–—-]+|[\s:;,–—-]+$/g, "").trim();
    if (valeur !== "" && /\d|frais r[ée]els/i.test(valeur)) return { sorte: q.sorte, cas: q.cas, qualificatif: m[0], texte: valeur };
    return undefined;
  }
  return undefined;
}

/** Words to add to a line's label so that it is recognised as the case (« adhérents OPTAM »). */
export function libelleDuCas(c: SousCas): string {
  if (c.cas === "OPTAM") return "adhérents OPTAM";
  if (c.cas === "NON-OPTAM") return "non adhérents OPTAM";
  return plier(c.qualificatif) === "" ? c.cas : c.qualificatif;
}
