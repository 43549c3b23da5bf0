import { replier } from "../texte/plier";
import type { Garantie } from "./ast";

/**
 * Long-hand wordings that real grids print for what the language writes in a few words: « 100 % de la base de
 * remboursement de la sécurité sociale sous déduction des prestations versées par la sécurité sociale » is
 * « 100 % BR Sécu incluse », « Crédit de 200 € par année civile » is « 200 € / an », « Prise en charge intégrale, dans
 * le respect des honoraires limites de facturation » is « Frais réels dans la limite des HLF ».
 *
 * The parser tries the text as written first; only when it fails does it try the canonical wording given here, and
 * when that fails too the first error (with its position in the printed text) is the one reported. Every rewrite
 * says exactly what the printed words say — nothing is guessed: a wording that could mean two things (« 3 × 25 € »:
 * per year? per session?) is left for the parser to refuse, so the grid reports it as unread instead of misreading it.
 */
export function formeImprimee(texte: string): string | Garantie | undefined {
  // The rewrites are written for this form: lower case, no accents, one kind of space, dash and apostrophe.
  let t = replier(texte);
  const renvoi = lireRenvoi(t);
  if (renvoi) return renvoi;
  // « / » alone: the slash grids print in a cell that has nothing (« Implant dentaire : / / / 30 % PMSS »).
  if (t === "/" || t === "//") return { type: "neant" };
  for (const [re, par] of REECRITURES) t = typeof par === "string" ? t.replace(re, par) : t.replace(re, par);
  // « 1   000 € »: the folding alone (runs of spaces in a number) may be what makes the text readable.
  t = t
    .replace(/(\d) +(?=\d{3}\b)/g, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
  return t !== texte.trim() ? t : undefined;
}

/** Rewrites, in order. Each one is exact: the canonical words mean what the printed ones mean. */
const REECRITURES: readonly (readonly [RegExp, string | ((...groupes: string[]) => string)])[] = [
  // ——— bases ———
  // « de la base de remboursement de la sécurité sociale (BR) », « de BRSS »: the BR.
  [/\b(?:de )?(?:la )?base de remboursement(?: de la securite sociale| de l'assurance maladie(?: obligatoire)?| secu| ss)?(?: \((?:br|brss)\))?/g, "br"],
  [/\bde (?:la )?brss?\b/g, "br"],
  [/\bbr ou du tarif forfaitaire de responsabilite\b/g, "br"],
  [/\bticket moderateur \(tm\)/g, "tm"],
  [/\bfrais reels \(fr\)/g, "frais reels"],
  [/^100 % (?:de la |des )(?:de|depense engagee|depenses engagees|depense reelle|depenses reelles)$/g, "frais reels"],
  // ——— the RO convention ———
  [
    /\b(?:sous deduction|deduction faite) (?:des prestations versees par|du remboursement de|des remboursements de|de) (?:la securite sociale|l'assurance maladie(?: obligatoire)?|la ss)\b/g,
    "securite sociale incluse",
  ],
  [
    /\b(?:en complement|en plus) (?:des prestations versees par|du remboursement de|des remboursements de) (?:la securite sociale|l'assurance maladie(?: obligatoire)?|la ss)\b/g,
    "en sus du ro",
  ],
  [/\b(?:en plus|en complement) du (?:rss|ro|remboursement ss)\b/g, "en sus du ro"],
  // ——— full cover of a legal amount ———
  [
    /^(?:(?:rss|ro|ss|securite sociale|amo) \+ )?100 % des frais restant a (?:la )?charge(?: du beneficiaire| de l'assure)?(?: apres (?:l')?intervention de la securite sociale| apres remboursement de la securite sociale)?,? dans la limite des (plv|hlf|prix limites? de vente|honoraires? limites? de facturation)\b.*$/g,
    "frais reels dans la limite des $1",
  ],
  [/^prise en charge integrale\b.*\b(?:honoraires? limites? de facturation|hlf)\b.*$/g, "frais reels dans la limite des hlf"],
  [/^prise en charge integrale\b.*\b(?:prix limites? de vente|plv)\b.*$/g, "frais reels dans la limite des plv"],
  [/^prise en charge integrale(?: \(y compris (?:en )?psychiatrie\))?$/g, "frais reels"],
  [/^100 % du forfait(?: journalier| hospitalier)?(?: fixe par arrete(?: ministeriel)?| reglementaire(?: en vigueur)?)?$/g, "frais reels"],
  [/^100 % (?:des )?(?:frais reels|fr) limites? au forfait reglementaire(?: en vigueur)?$/g, "frais reels"],
  [/^100 % des frais reels dans la limite de la legislation en vigueur$/g, "frais reels"],
  [/^couverture aux frais reels(?:,? actuellement ?:? .*)?$/g, "frais reels"],
  [/^100 % de la participation forfaitaire$/g, "frais reels"],
  // « 150 % BR - SS », « 580 € - RSS », « 100 % BR – RSS »: minus the Sécurité sociale's share, i.e. a total that includes it.
  [/^(.*\S)\s*-\s*(?:ss|rss|ro|secu|securite sociale|amo)$/g, "$1 securite sociale incluse"],
  [/\bbr ou tfr\b/g, "br"],
  // « 150 % BRR »: the base reconstituted for an act the AMO does not reimburse stands for its BR.
  [/(%) ?brr\b/g, "$1 br"],
  // « 100 % du tarif en vigueur », « du tarif de convention »: the tariff the AMO's share is computed on, the BR.
  [/(%) (?:du )?tarif (?:en vigueur|de convention|conventionnel|de responsabilite)\b/g, "$1 br"],
  [/\bbr(?:ss?)? reconstituee\b/g, "br"],
  // « Zéro reste à charge dans la limite du panier 100 % Santé et des PLV »: the 100 % Santé cover.
  [/^(?:zero|0) reste a charge\b.*\b(plv|hlf)\b.*$/g, "frais reels dans la limite des $1"],
  [/^(?:zero|0) reste a charge dans la limite du panier 100 ?% sante$/g, "frais reels dans la limite des plv"],
  // ——— amounts and periods ———
  [/(€) ?\/ ?j\b/g, "$1 / jour"],
  [/(€) ?(?:par|\/) ?a ?\/ ?b\b/g, "$1 / an / beneficiaire"],
  [/\bcredit de (?=\d)/g, ""],
  [/\bforfait (?:annuel )?de (?=\d)/g, ""],
  [/(€) ?\(?forfait par annee civile( et par beneficiaire)?\)?/g, "$1 / an$2"],
  [/(€) forfait\b/g, "$1"],
  [/\bpar annee civile\b/g, "par an"],
  [/(\/|\bpar) ?annee ?\/ ?civile\b/g, "$1 an"],
  [/\bpar oreille appareillee\b/g, "par oreille"],
  // « limité à 1 700 €, par oreille et par bénéficiaire »: the comma does not cut the amount from its item.
  [/(€),( par (?:oreille|oeil|aide|implant|dent|verre|equipement|appareil)\b)/g, "$1$2"],
  // « 400 € par an et par oreille », « 750 € par an / par bénéficiaire / par œil »: an amount per item within a yearly
  // envelope, the language's « / oreille / an » (an envelope, not a count of items: not « tous les ans »).
  [
    /(?:\/|\bpar) ?an ?,? ?(?:et )?(?:\/ ?)?(?:par )?(beneficiaire ?,? ?(?:et )?(?:\/ ?)?(?:par )?)?(oeil|oreille|implant|dent|appareil)\b/g,
    (_m: string, b: string | undefined, item: string) => `/ ${item} / an${b ? " / beneficiaire" : ""}`,
  ],
  [/(?:\/|\bpar) ?(oeil|oreille|implant|dent|appareil|equipement) ?\/ ?a ?\/ ?b\b/g, "/ $1 / an / beneficiaire"],
  // « 40 € par séance, limite à 6 séances/année/civile/Bénéficiaire ».
  [/,? limitee? a (\d+) seances? ?(?:\/|par) ?an(?: ?(?:\/|par|et par) ?beneficiaire)?\b/g, " (max $1 seances / an)"],
  // « 250 € limité à une intervention par année civile »: one of the line's act a year.
  [/,? limitee? a une intervention par an\b/g, " (max 1 / an)"],
  // « 15 € par jour dans la limite de 30 jours par année civile (en hospitalisation …) ».
  [/(\/|\bpar) jour,? (?:et )?dans la limite de (\d+) jours (?:par|\/) an(?: et par beneficiaire)?\b.*$/g, "/ jour (max $2 jours / an)"],
  // « 50 % FR limités à 1,5 % PMSS par intervention dans la limite de 4 interventions par an ».
  [/\blimites? a ([\d,.]+ % pmss) par intervention dans la limite de (\d+) interventions? par an$/g, "dans la limite de $1 / acte (max $2 actes / an)"],
  // « 80 % FR limités à 4 % PMSS par personne et par an ».
  [/\blimites? a ([\d,.]+ % pmss) par (?:personne|beneficiaire) et par an$/g, "dans la limite de $1 / an / beneficiaire"],
  [/\bpar jour d'hospitalisation\b/g, "/ jour"],
  [/(€) maximum$/g, "$1"],
  // « 40 € × 3 séances par an par bénéficiaire »: 40 € a session, 3 sessions a year.
  [/(€) ?[x×] ?(\d+) seances? (?:par|\/) an(?: (?:et )?(?:par|\/) beneficiaire)?$/g, "$1 / seance (max $2 seances / an)"],
  // « 100 % BR complété le cas échéant par 160 € »: the amount comes on top.
  [/ complete(?: le cas echeant)? par (?=\d)/g, " + "],
  // « + 60 % FR à hauteur de 50 €/an/bénéficiaire ».
  [/\ba hauteur de (?=\d)/g, "dans la limite de "],
  // « La prise en charge est limitée à 1700 € par aide auditive », « Allocation forfaitaire égale à 20 % du PMSS »,
  // « Remboursement à 100 % de la BR … ».
  [/^la prise en charge est limitee a (?=\d)/g, "frais reels dans la limite de "],
  [/^allocation forfaitaire (?:egale a|de) (?=\d)/g, ""],
  [/^remboursement a (?=\d)/g, ""],
  [/^remboursement total dans la limite des (?:fr|frais reels)\b/g, "frais reels"],
  // « Forfait annuel et par bénéficiaire égal à 15 % du PMSS par œil ».
  [
    /^forfait annuel( et par beneficiaire)? (?:egal a |de )(.*)$/g,
    (_m: string, b: string | undefined, reste: string) => `${reste} / an${b ? " / beneficiaire" : ""}`,
  ],
  // « + 50 € sur 2 années civiles consécutives », « Crédit de 2 800 € sur 2 années consécutives »: per 2-year period.
  [/\bsur (\d+) annees?(?: civiles?)?(?: consecutives?)?\b/g, "/ $1 ans"],
  // Conditions of payment, not amounts: « sur présentation d'un certificat médical », « quelle que soit la correction ».
  [/,? sur (?:presentation|production) d(?:'|e |u |es )\s?(?:un |une )?[^,;()]*$/g, ""],
  [/,? quelle que soit la correction$/g, ""],
  [/(\/|\bpar) jour en cas d'hospitalisation\b.*$/g, "$1 jour"],
  // « 250 € par enfant (en cas de naissances ou d'adoptions multiples, versement pour chaque enfant) »: a gloss.
  [/(par enfant) \((?:en cas de )?naissances?[^()]*\)/g, "$1"],
  [/,? y compris (?:le )?remboursements? (?:de la )?(?:ss|securite sociale|ro|amo)\b/g, " securite sociale incluse"],
  // « 700 € 100 € monture max »: the « dont » the PDF lost.
  [/(€) (\d[\d ,.]*) ?€ (monture max(?:imum)?)\b/g, "$1 dont $2 € $3"],
  [/(€) ?\/ ?semestre de soins\b/g, "$1 / semestre"],
  [/\/ ?dent ?\/? ?[x×] ?(\d+) ?\/ ?an\b/g, "/ dent (max $1 / an)"],
  [/\b(\d+(?:[,.]\d+)?) ?% du pmss\b/g, "$1 % pmss"],
  [/€ seance\b/g, "€ / seance"],
  [/\bdans la limite d'une seance par an\b/g, "(max 1 seance / an)"],
];

/**
 * A cell that sends the reader to another table or leaflet (« Voir tableau ci-dessous », « Selon la grille optique
 * ci-après », « Grille optique base 2 »): the guarantee is elsewhere, not an amount here.
 */
function lireRenvoi(t: string): Garantie | undefined {
  if (
    /^(?:voir|cf\.?|se reporter (?:au|a)|se referer (?:aux|au|a)|selon (?:la|le)|suivant (?:la|le)|conformement (?:au|a))\b.*\b(?:grille|tableau|tableaux|annexe|bareme|programme|montants?)\b/.test(
      t,
    ) ||
    // « Idem frais médicaux courants », « Prise en charge identique à celle du panier libre »: as another line says.
    /^idem\b/.test(t) ||
    /^prise en charge identique a\b/.test(t) ||
    /^grille (?:optique|dentaire|auditive)\b/.test(t)
  ) {
    return {
      type: "renvoi",
      vers: t.replace(
        /^(?:voir|cf\.?|se reporter (?:au|a)|se referer (?:aux|au|a)|selon|suivant|conformement (?:au|a)|idem|prise en charge identique a(?: celle d[ue]s?)?)\s*/,
        "",
      ),
    };
  }
  return undefined;
}
