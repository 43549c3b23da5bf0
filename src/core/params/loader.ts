import { RembError } from "../errors";
import { centsDepuisEuros, tauxDepuisTexte, type Cents, type Taux } from "../money";
import { dateFr, jourDepuisIso, type Jour } from "../dates";
import type { FichierParametres, OptionsRecherche, Parametre, ParametreJson, Reference, Unite, Valeur, ValeurDatee, ValeurJson } from "./types";

/**
 * The earliest day the engine supports. Values whose real start is unknown (already in force by then, start not
 * researched) are stored from this day and flagged `debutInconnu`.
 */
export const DEBUT_MOTEUR = "2005-01-01";

const NOM = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const UNITES: readonly Unite[] = ["EUR", "EUR/day", "/1", "×BR", "count", "year", "month", "day", "D", "date", "boolean"];
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A Code de la sécurité sociale article number: « R871-2 », « L162-5-10 », « D911-1 ». */
const ARTICLE = /^[LRD]\d+(-\d+)+$/;
const LEGIARTI = /^LEGIARTI\d{12}$/;

/** A structural problem in a parameter file; the loader collects them all before failing. */
export interface ProblemeParametre {
  readonly fichier: string;
  readonly nom: string;
  readonly message: string;
}

export function validerFichiers(fichiers: Readonly<Record<string, FichierParametres>>): ProblemeParametre[] {
  const problemes: ProblemeParametre[] = [];
  const vus = new Map<string, string>();
  for (const [fichier, contenu] of Object.entries(fichiers)) {
    const p = (nom: string, message: string) => problemes.push({ fichier, nom, message });
    if (!contenu || typeof contenu.sujet !== "string" || !contenu.sujet) p("", "sujet manquant");
    if (!contenu || !isIso(contenu.verifieLe)) p("", "verifieLe manquant ou invalide");
    if (!contenu || !Array.isArray(contenu.parametres) || contenu.parametres.length === 0) {
      p("", "aucun paramètre");
      continue;
    }
    for (const param of contenu.parametres) {
      const nom = param?.nom ?? "";
      if (!NOM.test(nom)) p(nom, "nom invalide (minuscules, chiffres, _ et points)");
      if (vus.has(nom)) p(nom, `nom en double (déjà dans ${vus.get(nom)})`);
      vus.set(nom, fichier);
      if (!UNITES.includes(param.unite)) p(nom, `unité inconnue « ${String(param.unite)} »`);
      if (!["care", "contract", "year", "premium"].includes(param.base)) p(nom, `base de date inconnue « ${String(param.base)} »`);
      if (!param.description) p(nom, "description manquante");
      if (param.verifieLe !== undefined && !isIso(param.verifieLe)) p(nom, "verifieLe invalide");
      if (!Array.isArray(param.valeurs) || param.valeurs.length === 0) {
        p(nom, "aucune valeur");
        continue;
      }
      let precedent = "";
      for (const v of param.valeurs) {
        const ici = `${nom} @ ${v?.debut}`;
        if (!isIso(v.debut)) p(ici, "date de début invalide");
        else if (v.debut < DEBUT_MOTEUR) p(ici, `date de début antérieure à ${DEBUT_MOTEUR}`);
        // Announced values may share a start date with nothing else but must still be in order.
        if (precedent && !(v.debut > precedent)) p(ici, "dates non triées ou en double");
        precedent = v.debut;
        if (!v.reference || typeof v.reference.texte !== "string" || v.reference.texte.trim() === "") p(ici, "référence manquante");
        if (v.autresReferences !== undefined && !Array.isArray(v.autresReferences)) p(ici, "autresReferences : liste attendue");
        for (const r of [v.reference, ...(v.autresReferences ?? [])]) {
          for (const m of problemesReference(r)) p(ici, m);
        }
        if (!["LAW", "OFF", "SEC", "INF"].includes(v.confiance)) p(ici, "confiance invalide");
        if (v.incertain && !v.note) p(ici, "valeur ⚠ sans note expliquant l'incertitude");
        if (v.statut !== undefined && v.statut !== "annonce") p(ici, "statut inconnu");
        try {
          convertir(param.unite, v.valeur);
        } catch (e) {
          p(ici, (e as Error).message);
        }
      }
    }
  }
  return problemes;
}

/** Structural problems of one reference (the snapshot checks are in test/core/params/references.test.ts). */
function problemesReference(r: Reference | undefined): string[] {
  if (!r) return [];
  const m: string[] = [];
  if (typeof r.texte !== "string" || r.texte.trim() === "") m.push("référence sans texte");
  if (r.url !== undefined && !/^https:\/\//.test(r.url)) m.push("URL de référence non https");
  if (r.article !== undefined) {
    if (!ARTICLE.test(r.article)) m.push(`article « ${r.article} » invalide (attendu « R871-2 », « L162-5-10 »…)`);
    if (r.legiarti === undefined) m.push(`article ${r.article} sans version (legiarti)`);
  } else if (r.legiarti !== undefined || r.legiartiFin !== undefined || r.extrait !== undefined || r.alinea !== undefined || r.depuis !== undefined) {
    m.push("legiarti, legiartiFin, alinea, extrait ou depuis sans article");
  }
  for (const id of [r.legiarti, r.legiartiFin])
    if (id !== undefined && !LEGIARTI.test(id)) m.push(`identifiant « ${id} » invalide (LEGIARTI suivi de 12 chiffres)`);
  if (r.depuis !== undefined && !isIso(r.depuis)) m.push("depuis : date ISO attendue");
  return m;
}

function isIso(s: unknown): s is string {
  if (typeof s !== "string") return false;
  try {
    jourDepuisIso(s);
    return true;
  } catch {
    return false;
  }
}

function convertir(unite: Unite, v: ValeurJson["valeur"]): Valeur | null {
  if (v === null) return null;
  switch (unite) {
    case "EUR":
    case "EUR/day": {
      if (typeof v !== "string" || !DECIMAL.test(v)) throw new Error(`montant attendu en texte décimal ("2.00"), trouvé ${JSON.stringify(v)}`);
      const c = centsDepuisEuros(v);
      if (c / 100 !== Number(v)) throw new Error(`montant non exprimable en centimes : ${v}`);
      return c;
    }
    case "/1":
    case "×BR":
    case "D": {
      if (typeof v !== "string" || !DECIMAL.test(v)) throw new Error(`taux attendu en texte décimal ("0.70"), trouvé ${JSON.stringify(v)}`);
      return tauxDepuisTexte(v);
    }
    case "count":
    case "year":
    case "month":
    case "day":
      if (typeof v !== "number" || !Number.isInteger(v)) throw new Error(`entier attendu, trouvé ${JSON.stringify(v)}`);
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw new Error(`booléen attendu, trouvé ${JSON.stringify(v)}`);
      return v;
    case "date":
      if (typeof v !== "string") throw new Error(`date ISO attendue, trouvé ${JSON.stringify(v)}`);
      return jourDepuisIso(v);
  }
}

function construire(param: ParametreJson, source: string, verifieLe: string): Parametre {
  const valeurs: ValeurDatee[] = param.valeurs.map((v) => ({
    debut: jourDepuisIso(v.debut),
    valeur: convertir(param.unite, v.valeur),
    brute: v.valeur,
    reference: v.reference,
    references: v.autresReferences ? [v.reference, ...v.autresReferences] : [v.reference],
    confiance: v.confiance,
    incertain: v.incertain === true,
    debutInconnu: v.debutInconnu === true,
    annonce: v.statut === "annonce",
    ...(v.note ? { note: v.note } : {}),
  }));
  return { nom: param.nom, unite: param.unite, base: param.base, description: param.description, valeurs, source, verifieLe: param.verifieLe ?? verifieLe };
}

/**
 * The set of legal parameters, looked up by name and date. A date before the first value, or on/after an
 * ending `null`, is an error naming the parameter and the date: never silently the nearest value.
 */
export class Registre {
  private readonly parNom = new Map<string, Parametre>();

  constructor(fichiers: Readonly<Record<string, FichierParametres>>) {
    const problemes = validerFichiers(fichiers);
    if (problemes.length > 0) {
      const liste = problemes
        .slice(0, 10)
        .map((p) => `${p.fichier} ${p.nom} : ${p.message}`)
        .join("\n");
      throw new Error(`Paramètres invalides (${problemes.length}) :\n${liste}`);
    }
    for (const [fichier, contenu] of Object.entries(fichiers)) {
      for (const p of contenu.parametres) this.parNom.set(p.nom, construire(p, fichier, contenu.verifieLe));
    }
  }

  noms(): string[] {
    return [...this.parNom.keys()].sort();
  }

  existe(nom: string): boolean {
    return this.parNom.has(nom);
  }

  definition(nom: string): Parametre {
    const p = this.parNom.get(nom);
    if (!p) {
      throw new RembError("PARAMETRE_INCONNU", `Paramètre inconnu : « ${nom} ». Exemples : pmss, pf.montant, fj.montant.`);
    }
    return p;
  }

  /** The dated value in force on `jour` (its reference, confidence and notes included). */
  valeurDatee(nom: string, jour: Jour, options?: OptionsRecherche): ValeurDatee {
    const p = this.definition(nom);
    const vs = p.valeurs;
    const annonces = options?.inclureAnnonces === true;
    for (let i = vs.length - 1; i >= 0; i--) {
      const v = vs[i]!;
      if (v.debut > jour || (v.annonce && !annonces)) continue;
      if (v.valeur === null) {
        throw new RembError("PARAMETRE_ABROGE", `Le paramètre « ${nom} » n'existe plus au ${dateFr(jour)} (supprimé depuis le ${dateFr(v.debut)}).`, {
          reference: v.reference.texte,
        });
      }
      return v;
    }
    const premier = vs.find((v) => !v.annonce || annonces);
    throw new RembError(
      "PARAMETRE_AVANT_DEBUT",
      premier
        ? `Aucune valeur du paramètre « ${nom} » au ${dateFr(jour)} : sa première valeur connue date du ${dateFr(premier.debut)}.`
        : `Aucune valeur publiée du paramètre « ${nom} ».`,
    );
  }

  /**
   * The last published value, whatever the date: what a rule's statement or a keyword quotes as « the » figure
   * (« limitée à 1 700 € »), so that it follows the data. An ended parameter has none (PARAMETRE_ABROGE).
   */
  valeurActuelle(nom: string): ValeurDatee {
    const vs = this.definition(nom).valeurs.filter((v) => !v.annonce);
    const v = vs[vs.length - 1]!;
    if (v.valeur === null) return this.valeurDatee(nom, v.debut);
    return v;
  }

  valeur(nom: string, jour: Jour, options?: OptionsRecherche): Valeur {
    return this.valeurDatee(nom, jour, options).valeur as Valeur;
  }

  /** An amount in cents (units EUR, EUR/day). */
  cents(nom: string, jour: Jour, options?: OptionsRecherche): Cents {
    this.verifierUnite(nom, ["EUR", "EUR/day"]);
    return this.valeur(nom, jour, options) as Cents;
  }

  /** An exact rate (units /1, ×BR, D). */
  taux(nom: string, jour: Jour, options?: OptionsRecherche): Taux {
    this.verifierUnite(nom, ["/1", "×BR", "D"]);
    return this.valeur(nom, jour, options) as Taux;
  }

  /** A whole number (count, year, month, day). */
  entier(nom: string, jour: Jour, options?: OptionsRecherche): number {
    this.verifierUnite(nom, ["count", "year", "month", "day"]);
    return this.valeur(nom, jour, options) as number;
  }

  booleen(nom: string, jour: Jour, options?: OptionsRecherche): boolean {
    this.verifierUnite(nom, ["boolean"]);
    return this.valeur(nom, jour, options) as boolean;
  }

  date(nom: string, jour: Jour, options?: OptionsRecherche): Jour {
    this.verifierUnite(nom, ["date"]);
    return this.valeur(nom, jour, options) as Jour;
  }

  private verifierUnite(nom: string, unites: readonly Unite[]): void {
    const u = this.definition(nom).unite;
    if (!unites.includes(u)) {
      throw new RembError("PARAMETRE_TYPE", `Le paramètre « ${nom} » est en ${u}, pas en ${unites.join(" / ")}.`);
    }
  }
}
