import { plier, replier } from "../texte/plier";
import type { ConventionSocle, TypeNiveau, VarianteReseau } from "./modele";

/**
 * Reading of one column header: is it a level (Niveau 1…n, N1, Base, Option 1, Surcomplémentaire, Confort,
 * réseau / hors réseau…), a column to set aside (taux Sécu, commentaires…), and what it says about the base it
 * includes (« Option 1 = Base + … », « base incluse », « en sus de la base »: docs/modele-de-calcul.md §6).
 */
export interface Entete {
  /** A level word was found (« Niveau », « N2 », « Option », « Confort »…). */
  readonly niveau: boolean;
  /** The header names a column that is not a level: the reason, in French. */
  readonly ignorer?: string;
  readonly type: TypeNiveau;
  readonly variante?: VarianteReseau;
  /** The header states how the column relates to a base level. */
  readonly convention?: ConventionSocle;
  /** Text after « = » (« Option 2 = Option 1 + … » → « option 1 »), folded, to find the included level by name. */
  readonly inclutTexte?: string;
  /** Unit declared by the header for unformatted numbers (« en % BR », « (en €) »). */
  readonly unite?: "pourcentage" | "euros";
}

/** Level words seen in real grids. Folded (plier). */
const MOTS_NIVEAU = new Set([
  "niveau",
  "niv",
  "formule",
  "option",
  "options",
  "opt",
  "base",
  "socle",
  "surcomplementaire",
  "surco",
  "offre",
  "pack",
  "module",
  "gamme",
  "garantie",
  "confort",
  "essentiel",
  "essentielle",
  "eco",
  "economique",
  "equilibre",
  "serenite",
  "premium",
  "integral",
  "integrale",
  "excellence",
  "optimum",
  "optimal",
  "bronze",
  "argent",
  "or",
  "platine",
  "classique",
  "initial",
  "initiale",
  "intermediaire",
  "renforce",
  "renforcee",
  "maxi",
  "mini",
  "tranquillite",
  "plenitude",
  "liberte",
  "privilege",
  "prestige",
  "starter",
  "access",
  "acces",
  "standard",
  "ideal",
  "essentiel",
  "reseau",
  "partenaire",
  "kalixia",
  "kalivia",
  "santeclair",
  "itelis",
  "seveane",
  "istya",
  "n",
]);

/** Headers of columns that are not levels. Folded, whole words. */
const NON_NIVEAU: readonly (readonly [RegExp, string])[] = [
  [/\b(commentaire|commentaires|observation|observations|remarque|remarques|notes?|precisions?|details?|conditions?)\b/, "commentaires"],
  [/\b(exemples?|simulation)\b/, "exemple de remboursement"],
  [/\b(code|codes|reference|references|ref|unite|unites|periodicite)\b/, "code ou unité"],
  [/\b(taux|remboursement|remb|rembt)\b.*\b(securite sociale|secu|ss|ro|amo|regime obligatoire|rss)\b/, "remboursement du régime obligatoire"],
  [/^(securite sociale|secu|ss|ro|amo|rss|regime obligatoire|regime general|sante)( \w+)?$/, "remboursement du régime obligatoire"],
  // « Base » alone is the socle of a layered grid; the BR column says « BR » or « base de remboursement ».
  [/^(base de remboursement|br|brss|tarif de convention|tarif de responsabilite|tc|tr)$/, "base de remboursement"],
  [/\bbase de remboursement\b/, "base de remboursement"],
  [/^(garanties?|postes?|prestations?|libelles?|nature des (frais|soins|actes|prestations)|actes?|soins|designation|rubriques?)$/, "libellés"],
];

const CACHE = new Map<string, Entete>();

export function analyserEntete(texte: string): Entete {
  const hit = CACHE.get(texte);
  if (hit) return hit;
  const e = analyser(texte);
  if (CACHE.size > 5000) CACHE.clear();
  CACHE.set(texte, e);
  return e;
}

function analyser(texte: string): Entete {
  const p = plier(texte);
  const mots = p.split(" ").filter((m) => m !== "");
  // « N1 », « N 2 »: n followed by a number; « n » alone is not a level word.
  const niveauMot = mots.some((m, i) => (m === "n" ? /^[0-9]+$/.test(mots[i + 1] ?? "") : MOTS_NIVEAU.has(m) && m !== "base" && m !== "garantie"));
  const baseMot = /\b(base|socle)\b/.test(p) && !/\bbase de remboursement\b/.test(p);
  const garantieNumerotee = /\bgaranties? [0-9a-z]\b/.test(p) && !/^garanties?$/.test(p);
  const estNiveau =
    niveauMot ||
    garantieNumerotee ||
    /\b(socle|base) [0-9]+\b/.test(p) ||
    (/^(base|socle)( |$)/.test(p) && !/^base de remboursement\b/.test(p)) ||
    /\bniveau\b/.test(p);

  let ignorer: string | undefined;
  // « Prestation du régime de base (y compris remboursement sécurité sociale) », « Niveaux de couverture incluant le
  // remboursement sécurité sociale »: a level that says it includes the RO, not the RO's own column.
  const inclutRo =
    /\b(y compris|incluant|inclus|incluse|compris|comprise|prestations?|couverture|garanties?|niveaux?|regime de base|panier de soins|limite de remboursements?|montant des remboursements?|indemnisation)\b/.test(
      p,
    );
  if (!estNiveau && !inclutRo) {
    for (const [re, raison] of NON_NIVEAU) {
      if (re.test(p)) {
        ignorer = raison;
        break;
      }
    }
  }

  let type: TypeNiveau = "niveau";
  if (/\b(surcomplementaire|surco|sur complementaire)\b/.test(p)) type = "surcomplementaire";
  else if (/\b(option|options|opt)\b/.test(p)) type = "option";
  else if (baseMot) type = "base";

  let variante: VarianteReseau | undefined;
  if (/\b(hors reseau|non partenaire|hors partenaire|hors kalixia|hors santeclair|hors itelis|hors carte blanche|hors seveane)\b/.test(p))
    variante = "hors-reseau";
  else if (/\b(reseau|partenaire|kalixia|kalivia|santeclair|itelis|carte blanche|seveane|istya)\b/.test(p)) variante = "reseau";

  let convention: ConventionSocle | undefined;
  if (/\b(en sus|en complement|en plus|hors|complement)( (de|du|des|d))?( (la|le|l))? (base|socle|niveau)\b/.test(p)) convention = "SOCLE_EN_SUS";
  else if (
    /\b(base|socle)s? (inclus|incluse|inclu|compris|comprise)\b/.test(p) ||
    /\by compris( (la|le|l))? (base|socle)\b/.test(p) ||
    /\b(base|socle) [+]/.test(replier(texte)) ||
    /=/.test(texte) ||
    /\b(base|socle) plus\b/.test(p)
  ) {
    convention = "SOCLE_INCLUS";
  }
  let inclutTexte: string | undefined;
  const egal = texte.indexOf("=");
  if (egal >= 0) {
    const apres = plier(texte.slice(egal + 1).split("+")[0] ?? "");
    if (apres !== "") inclutTexte = apres;
  }

  let unite: Entete["unite"];
  if (/%/.test(texte) && /\b(br|brss|tr|base|br secu)\b|en %|\(%\)/.test(texte.toLowerCase() + " " + p)) unite = "pourcentage";
  else if (/€|\beuros?\b|\ben eur\b/i.test(texte)) unite = "euros";

  return {
    niveau: estNiveau,
    type,
    ...(ignorer !== undefined ? { ignorer } : {}),
    ...(variante ? { variante } : {}),
    ...(convention ? { convention } : {}),
    ...(inclutTexte !== undefined ? { inclutTexte } : {}),
    ...(unite ? { unite } : {}),
  };
}

/** A header row cell that only declares a unit (« en % BR », « % BRSS », « en € »): a units row, not names. */
export function estDeclarationUnite(texte: string): "pourcentage" | "euros" | undefined {
  if (texte.length > 40 || !/[%€]|eur/i.test(texte)) return undefined;
  const t = replier(texte);
  if (/^\(?(en )?% ?(de la |du )?(br|brss|tr|bss|base( de remboursement)?( secu| ss)?)?\)?$/.test(t)) return "pourcentage";
  if (/^\(?(en )?(€|euros?|eur)\)?$/.test(t)) return "euros";
  return undefined;
}

/** The level's name without its réseau words: the family shared by « Niveau 2 réseau » and « Niveau 2 hors réseau ». */
export function familleDe(nom: string): string {
  const f = nom
    .replace(/\b(hors[- ]r[ée]seau|non[- ]partenaires?|hors[- ]partenaires?|en r[ée]seau|r[ée]seau( de soins)?|partenaires?)\b/gi, " ")
    .replace(/[\s—–\-/:()]+$/g, "")
    .replace(/^[\s—–\-/:()]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return f === "" ? nom : f;
}
