import { RembError, horsChamp, argumentInvalide } from "../errors";
import { ajouterAns, ajouterMois, dateFr, type Jour } from "../dates";
import { parametres, type ValeurDatee } from "../params";
import { citerArticle } from "../params/articles";
import { normaliserMotCle, verifierAge, verifierEntree, verifierJour, QUOI_DATE_CONTRAT } from "./entrees";
import { debut100SanteAudio, regimeOptique } from "../responsable/limites/regime-responsable";

/**
 * Renewal periods of the contrat responsable (R871-2 3° CSS for optics, rule « R871-2 3° renouvellement »; R871-2 4° for hearing aids,
 * rule « R871-2 4° renouvellement »), with the LPP early-renewal cases as reported by secondary sources (⚠ docs/modele-de-calcul.md §14 point 14).
 *
 * Counting: the period runs from the date of the last acquisition, in calendar months and years (ajouterMois /
 * ajouterAns: 29/02 + 1 year = 28/02). The renewal is allowed **on or after the anniversary day**: an equipment
 * bought on 15/03/2023 may be renewed from 15/03/2025 under the 2-year rule. The texts say « par période de deux
 * ans » without settling the boundary day; this engine chooses the anniversary itself, as insurers' general
 * conditions usually do.
 *
 * The regime is selected by the contract date (default: the purchase date):
 * - 2020 regime (contracts from 2020-01-01): ≥ 16 years, 2 years, or 1 year after a change of vision; < 16 years,
 *   1 year, no minimum delay after a change of vision; < 6 years, 6 months when the frame no longer fits; no
 *   delay in the medical situations listed by the LPP;
 * - 2015 regime (contracts 2015-04-01 → 2019-12-31): 2 years, reduced to 1 year for minors or after a change of
 *   vision;
 * - audio (contracts from 2021-01-01): one aid per ear every 4 years, counted per ear.
 */
export type DomaineRenouvellement = "optique" | "audio";
export type MotifRenouvellement = "evolution-vue" | "medical" | "monture-inadaptee" | "aucun";

export interface EntreeRenouvellement {
  readonly domaine: DomaineRenouvellement;
  /** Date of the last acquisition (for audio: of the aid for the same ear). */
  readonly precedent: Jour;
  /** Date of the new purchase. */
  readonly achat: Jour;
  /** Age in years on the purchase date (default: adult). */
  readonly age?: number;
  /** Default "aucun". */
  readonly motif?: MotifRenouvellement;
  /** Subscription or renewal date of the contract (default: the purchase date): selects the regime. */
  readonly dateContrat?: Jour;
}

export interface ResultatRenouvellement {
  readonly possible: boolean;
  /** First day the renewal is covered (the anniversary day included). */
  readonly dateMin: Jour;
  /** French: the rule applied, with the dates. */
  readonly regle: string;
  readonly reference: string;
}

const MOTIFS: readonly string[] = ["evolution-vue", "medical", "monture-inadaptee", "aucun"];
/**
 * Age below which an ill-fitting frame justifies renewal after 6 months: the « moins de 6 ans » of the LPP rule
 * stored as optique.renouvellement.periode_moins_6_ans (⚠ SEC).
 */
const AGE_MONTURE_INADAPTEE = 6;
/** « Mineurs » of the 2015 text: under 18 (Code civil, art. 388). */
const AGE_MAJORITE = 18;

export function renouvellementPossible(e: EntreeRenouvellement): ResultatRenouvellement {
  verifierEntree(e);
  if (e.domaine !== "optique" && e.domaine !== "audio") throw domaineInconnu(String(e.domaine));
  verifierJour(e.precedent, "la date de l'acquisition précédente");
  verifierJour(e.achat, "la date d'achat");
  if (e.dateContrat !== undefined) verifierJour(e.dateContrat, QUOI_DATE_CONTRAT);
  if (e.achat < e.precedent) {
    throw argumentInvalide(`La date d'achat (${dateFr(e.achat)}) précède l'acquisition précédente (${dateFr(e.precedent)}) : vérifiez l'ordre des dates.`);
  }
  verifierAge(e.age);
  const motif = e.motif ?? "aucun";
  if (!MOTIFS.includes(motif)) throw motifInconnu(String(motif));
  const dateContrat = e.dateContrat ?? e.achat;
  return e.domaine === "audio" ? audio(e, dateContrat) : optique(e, motif, dateContrat);
}

function optique(e: EntreeRenouvellement, motif: MotifRenouvellement, dateContrat: Jour): ResultatRenouvellement {
  const regime = regimeOptique(dateContrat);
  const age = e.age;
  const qui = age === undefined ? "âge non indiqué" : formatAge(age);
  if (regime === "2015") {
    const periode = val("optique.renouvellement.periode", dateContrat);
    const reduit = val("optique.renouvellement.reduit_mineur", dateContrat);
    const mineur = age !== undefined && age < AGE_MAJORITE;
    if (mineur || motif === "evolution-vue") {
      const n = reduit.valeur as number;
      return resultat(
        e,
        ajouterAns(e.precedent, n),
        `Règles optiques de 2015, assuré ${mineur ? "mineur" : "majeur"} (${qui})${motif === "evolution-vue" ? ", évolution de la vue" : ""} : un équipement par période de ${ans(n)}`,
        ref("3°", dateContrat, reduit),
      );
    }
    const n = periode.valeur as number;
    return resultat(
      e,
      ajouterAns(e.precedent, n),
      `Règles optiques de 2015, assuré majeur (${qui})${noteMotif2015(motif)} : un équipement par période de ${ans(n)}`,
      ref("3°", dateContrat, periode),
    );
  }
  // 2020 regime: the named exceptions first, then the age rule.
  if (motif === "medical") {
    return resultat(
      e,
      e.precedent,
      `Situation médicale listée par la LPP (glaucome, DMLA, diabète, certains traitements…) : pas de délai minimal de renouvellement ⚠`,
      `${citerArticle("R871-2", "3°", dateContrat)} ; LPP (sources secondaires : generali.fr, odacyeux.fr, FAQ MGEFI)`,
    );
  }
  const ageEnfant = val("optique.renouvellement.age_enfant", dateContrat);
  const enfant = age !== undefined && age < (ageEnfant.valeur as number);
  if (motif === "monture-inadaptee" && age !== undefined && age < AGE_MONTURE_INADAPTEE) {
    const v = val("optique.renouvellement.periode_moins_6_ans", dateContrat);
    const n = v.valeur as number;
    return resultat(
      e,
      ajouterMois(e.precedent, n),
      `Enfant de moins de ${AGE_MONTURE_INADAPTEE} ans (${formatAge(age)}), monture inadaptée à la morphologie du visage : renouvellement après ${n} mois ⚠`,
      ref("3°", dateContrat, v),
    );
  }
  const noteMonture = motif === "monture-inadaptee" ? ` (le motif « monture inadaptée » ne vaut qu'avant ${AGE_MONTURE_INADAPTEE} ans)` : "";
  if (enfant) {
    if (motif === "evolution-vue") {
      return resultat(
        e,
        e.precedent,
        `Enfant de moins de ${ageEnfant.valeur as number} ans (${formatAge(age!)}), évolution de la vue : pas de délai minimal de renouvellement ⚠`,
        ref("3°", dateContrat, ageEnfant),
      );
    }
    const v = val("optique.renouvellement.periode_enfant", dateContrat);
    const n = v.valeur as number;
    return resultat(
      e,
      ajouterAns(e.precedent, n),
      `Enfant de moins de ${ageEnfant.valeur as number} ans (${formatAge(age!)})${noteMonture} : un équipement par période de ${ans(n)}`,
      ref("3°", dateContrat, v),
    );
  }
  if (motif === "evolution-vue") {
    const v = val("optique.renouvellement.delai_evolution_vue_adulte", dateContrat);
    const n = v.valeur as number;
    return resultat(
      e,
      ajouterAns(e.precedent, n),
      `Assuré de ${ageEnfant.valeur as number} ans et plus (${qui}), évolution de la vue (seuils de la LPP) : renouvellement après ${ans(n)} ⚠`,
      ref("3°", dateContrat, v),
    );
  }
  const v = val("optique.renouvellement.periode", dateContrat);
  const n = v.valeur as number;
  return resultat(
    e,
    ajouterAns(e.precedent, n),
    `Assuré de ${ageEnfant.valeur as number} ans et plus (${qui})${noteMonture} : un équipement par période de ${ans(n)}`,
    ref("3°", dateContrat, v),
  );
}

function audio(e: EntreeRenouvellement, dateContrat: Jour): ResultatRenouvellement {
  if (dateContrat < debut100SanteAudio()) {
    throw horsChamp(
      `Contrat du ${dateFr(dateContrat)} : la période de renouvellement des aides auditives du contrat responsable (une aide par oreille ` +
        `tous les ${ans(val("audio.renouvellement.periode", debut100SanteAudio()).valeur as number)}) ` +
        `s'applique aux contrats souscrits ou renouvelés depuis le ${dateFr(debut100SanteAudio())}.`,
      citerArticle("R871-2", "4°", dateContrat),
    );
  }
  const v = val("audio.renouvellement.periode", dateContrat);
  const n = v.valeur as number;
  return resultat(
    e,
    ajouterAns(e.precedent, n),
    `Aide auditive : une aide par oreille par période de ${ans(n)}, comptée pour la même oreille`,
    ref("4°", dateContrat, v),
  );
}

function resultat(e: EntreeRenouvellement, dateMin: Jour, regle: string, reference: string): ResultatRenouvellement {
  const possible = e.achat >= dateMin;
  const depuis = dateMin === e.precedent ? "dès l'acquisition précédente" : `à partir du ${dateFr(dateMin)} (date anniversaire incluse)`;
  return {
    possible,
    dateMin,
    regle: `${regle}. Dernière acquisition le ${dateFr(e.precedent)} : renouvellement pris en charge ${depuis} ; achat du ${dateFr(e.achat)} ${possible ? "dans les conditions" : "trop tôt"}.`,
    reference,
  };
}

function val(nom: string, dateContrat: Jour): ValeurDatee {
  return parametres.valeurDatee(nom, dateContrat);
}

function noteMotif2015(m: MotifRenouvellement): string {
  if (m === "medical") return " (le texte de 2015 ne prévoit pas d'exception médicale)";
  if (m === "monture-inadaptee") return " (le texte de 2015 ne prévoit pas d'exception pour la monture)";
  return "";
}

function ans(n: number): string {
  return n === 1 ? "1 an" : `${n} ans`;
}

function formatAge(a: number): string {
  const t = String(a).replace(".", ",");
  return a < 2 ? `${t} an` : `${t} ans`;
}

/** The parameter's own reference when it already cites R871-2 at this paragraph, else the article first. */
function ref(alinea: string, dateContrat: Jour, v: ValeurDatee): string {
  return v.reference.texte.includes(`R871-2 ${alinea}`) ? v.reference.texte : `${citerArticle("R871-2", alinea, dateContrat)} ; ${v.reference.texte}`;
}

// ---------------------------------------------------------------------------------------------------------

const DOMAINES: ReadonlyMap<string, DomaineRenouvellement> = new Map<string, DomaineRenouvellement>([
  ["optique", "optique"],
  ["lunettes", "optique"],
  ["equipement optique", "optique"],
  ["equipement", "optique"],
  ["verres", "optique"],
  ["monture", "optique"],
  ["audio", "audio"],
  ["aide auditive", "audio"],
  ["aides auditives", "audio"],
  ["audioprothese", "audio"],
  ["audioprotheses", "audio"],
  ["appareil auditif", "audio"],
  ["appareils auditifs", "audio"],
  ["prothese auditive", "audio"],
]);

/** « optique », « lunettes », « aide auditive », « audioprothèse »… → the domain. */
export function domaineDepuisTexte(s: string): DomaineRenouvellement {
  const d = typeof s === "string" ? DOMAINES.get(normaliserMotCle(s)) : undefined;
  if (d === undefined) throw domaineInconnu(String(s));
  return d;
}

const MOTIFS_TEXTE: ReadonlyMap<string, MotifRenouvellement> = new Map<string, MotifRenouvellement>([
  ["", "aucun"],
  ["aucun", "aucun"],
  ["non", "aucun"],
  ["sans", "aucun"],
  ["neant", "aucun"],
  ["evolution vue", "evolution-vue"],
  ["evolution de la vue", "evolution-vue"],
  ["evolution de vue", "evolution-vue"],
  ["changement de vue", "evolution-vue"],
  ["changement de correction", "evolution-vue"],
  ["evolution de la correction", "evolution-vue"],
  ["evolution de la refraction", "evolution-vue"],
  ["vue", "evolution-vue"],
  ["medical", "medical"],
  ["medicale", "medical"],
  ["raison medicale", "medical"],
  ["situation medicale", "medical"],
  ["pathologie", "medical"],
  ["monture inadaptee", "monture-inadaptee"],
  ["monture", "monture-inadaptee"],
  ["monture non adaptee", "monture-inadaptee"],
  ["changement de morphologie", "monture-inadaptee"],
]);

/** « évolution de la vue », « médical », « monture inadaptée », « aucun »… → the reason. */
export function motifDepuisTexte(s: string): MotifRenouvellement {
  const m = typeof s === "string" ? MOTIFS_TEXTE.get(normaliserMotCle(s)) : undefined;
  if (m === undefined) throw motifInconnu(String(s));
  return m;
}

function domaineInconnu(s: string): RembError {
  return argumentInvalide(`Domaine inconnu : « ${s} » — « optique » ou « audio » est attendu.`);
}

function motifInconnu(s: string): RembError {
  return argumentInvalide(`Motif de renouvellement inconnu : « ${s} » — « évolution de la vue », « médical », « monture inadaptée » ou « aucun » est attendu.`);
}
