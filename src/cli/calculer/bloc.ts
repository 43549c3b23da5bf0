import { estRembError } from "../../core/errors";
import { parseGarantie, type Garantie } from "../../core/garantie";
import { compilerGarantie, type GarantieCompilee } from "../../core/garantie/compiler";
import { calculerSoinsCompile, nouveauResultatSoins, nouvelleLigneSoins } from "../../core/calculators/soins-compile";
import { calculerDentaire, panierDepuisTexte } from "../../core/calculators/dentaire";
import { calculerSejour } from "../../core/calculators/sejour";
import { retenueDepuisTexte, type Retenue } from "../../core/calculators/retenue";
import { secteurDepuisTexte, type Secteur } from "../../core/calculators/secteur";
import { memoTaux, type ParametreMemo } from "../../core/calculators/parametre-memo";
import type { PanierDentaire } from "../../core/postes";
import type { Taux } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Calculateur } from "../../core/postes";
import type { Agregat, Beneficiaires, ConfigBloc, Rejet, ResultatBloc } from "./config";
import { EnsembleHaches, HACHE, Interneur, Tampon } from "./octets";
import { lireCents, lireJour, lireTaux, raison, ERR_VIDE } from "./valeurs";

/**
 * One block of a claims table (whole records, no header): each record is read from its bytes, computed by the core
 * (soins lines on the compiled path, calculerSoinsCompile; dental and hospital-stay lines by their calculators), and
 * copied to the output with RO, RC, RAC appended. A record that cannot be computed keeps its place in the output with
 * the French reason, is counted with its FR, and the block goes on. Runs in a worker thread, or in the main thread
 * for small tables and tests.
 */

/** The compiled form of a barème entry, per worker. */
interface Regle {
  readonly code: string;
  readonly calculateur: Calculateur;
  readonly tauxRo: ParametreMemo<Taux> | null;
  readonly secteur: Secteur | undefined;
  readonly garantie: Garantie;
  readonly compilee: GarantieCompilee;
  readonly optam: GarantieCompilee | undefined;
}

type Poste = { readonly regle: Regle | null; readonly code: string; readonly id: number; readonly raison?: string };
type GarantieLue = { readonly garantie: Garantie; readonly compilee: GarantieCompilee } | { readonly erreur: string };
type Lu<T> = { readonly valeur: T } | { readonly erreur: string };

const GARANTIE_DE_LA_LIGNE = "(garantie de la ligne)";

/** The per-worker state built from the config: compiled rules, text tables, reused records. */
export class CalculBloc {
  private readonly regles = new Map<string, Regle>();
  private readonly sansGarantie: Map<string, string>;
  private readonly postes: Interneur<Poste>;
  private readonly garanties: Interneur<GarantieLue>;
  private readonly secteurs: Interneur<Lu<Secteur>>;
  private readonly retenues: Interneur<Lu<Retenue>>;
  private readonly paniers: Interneur<Lu<PanierDentaire>>;
  private readonly decodeur: TextDecoder;
  private readonly memosTaux = new Map<string, ParametreMemo<Taux>>();
  private readonly ligne = nouvelleLigneSoins(compilerGarantie({ type: "neant" }));
  private readonly res = nouveauResultatSoins();
  private readonly debuts = new Int32Array(MAX_CHAMPS);
  private readonly fins = new Int32Array(MAX_CHAMPS);
  private readonly echappes = new Uint8Array(MAX_CHAMPS);

  constructor(private readonly cfg: ConfigBloc) {
    this.decodeur = new TextDecoder(cfg.encodage);
    for (const g of cfg.garanties) {
      this.regles.set(g.code, {
        code: g.code,
        calculateur: g.calculateur,
        tauxRo: g.tauxRo === undefined ? null : this.memo(g.tauxRo),
        secteur: g.secteur,
        garantie: g.garantie,
        compilee: compilerGarantie(g.garantie),
        optam: g.garantieOptam === undefined ? undefined : compilerGarantie(g.garantieOptam),
      });
    }
    this.sansGarantie = new Map(cfg.sansGarantie);
    const traduction = new Map(cfg.valeursPoste);
    this.postes = new Interneur((t) => this.poste(traduction.get(t.trim()) ?? t.trim()), this.decodeur);
    this.garanties = new Interneur((t) => {
      try {
        const g = parseGarantie(t.replace(/""/g, '"'));
        return { garantie: g, compilee: compilerGarantie(g) };
      } catch (e) {
        return { erreur: `garantie illisible : ${estRembError(e) ? e.message : String(e)}` };
      }
    }, this.decodeur);
    this.secteurs = new Interneur((t) => lu(() => secteurDepuisTexte(t)), this.decodeur);
    this.retenues = new Interneur((t) => lu(() => retenueDepuisTexte(t)), this.decodeur);
    this.paniers = new Interneur((t) => lu(() => (t.trim() === "" ? "LIBRE" : panierDepuisTexte(t))), this.decodeur);
  }

  private memo(nom: string): ParametreMemo<Taux> {
    let m = this.memosTaux.get(nom);
    if (m === undefined) this.memosTaux.set(nom, (m = memoTaux(nom)));
    return m;
  }

  private poste(code: string): Poste {
    const r = this.regles.get(code);
    if (r !== undefined) return { regle: r, code, id: this.idPoste(code) };
    const sans = this.sansGarantie.get(code);
    if (sans !== undefined) return { regle: null, code, id: this.idPoste(code), raison: sans };
    if (code === "") return { regle: null, code: "(sans poste)", id: this.idPoste("(sans poste)"), raison: "poste manquant" };
    return {
      regle: null,
      code: "(poste inconnu)",
      id: this.idPoste("(poste inconnu)"),
      raison: `poste inconnu : « ${code.length > 60 ? `${code.slice(0, 60)}…` : code} » — un code du catalogue REMB est attendu (docs/calcul.md)`,
    };
  }

  /** Postes as small integers: the totals of a block are an array, not a dictionary looked up by text per line. */
  private readonly codes: string[] = [GARANTIE_DE_LA_LIGNE];
  private idPoste(code: string): number {
    const i = this.codes.indexOf(code);
    if (i >= 0) return i;
    this.codes.push(code);
    return this.codes.length - 1;
  }

  /** Beneficiaries seen, by poste id and in all (hashes of their ids), kept for the whole table: see beneficiaires(). */
  private readonly benefPoste: EnsembleHaches[] = [];

  /** The beneficiaries this calculator has seen, by poste (sent once, at the end of the table; all: their union). */
  beneficiaires(): Beneficiaires {
    const postes: Record<string, Int32Array> = {};
    for (const [i, s] of this.benefPoste.entries()) if (s !== undefined) postes[this.codes[i]!] = s.exporter();
    return { postes };
  }

  /** Computes one block. `o` holds whole records; the first byte starts a record. */
  calculer(octets: Uint8Array): ResultatBloc {
    const o = Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
    const cfg = this.cfg;
    const c = cfg.colonnes;
    const sep = cfg.separateur;
    const sortie = cfg.sortie ? new Tampon(o.length + (o.length >> 2) + 4096) : null;
    const agregats: Agregat[] = [];
    const avecBenef = c.beneficiaire >= 0;
    const rejets: Rejet[] = [];
    const debuts = this.debuts;
    const fins = this.fins;
    const echappes = this.echappes;
    const requis = Math.max(c.date, c.frais, c.base, c.tauxRo, c.poste, c.garantie, c.secteur, c.retenue, c.beneficiaire, c.panier, c.acteLourd, c.dateContrat);
    const n = o.length;
    let i = 0;
    let ligne = 1;
    let lignes = 0;
    while (i < n) {
      const debutEnreg = i;
      const ligneEnreg = ligne;
      let k = 0;
      let finEnreg: number;
      // One record: fields separated by `sep`, quoted fields may hold separators, quotes ("") and line breaks.
      for (;;) {
        let d: number;
        let f: number;
        let e = 0;
        if (i < n && o[i] === 0x22) {
          d = ++i;
          for (;;) {
            if (i >= n) break;
            const b = o[i]!;
            if (b === 0x22) {
              if (i + 1 < n && o[i + 1] === 0x22) {
                e = 1;
                i += 2;
                continue;
              }
              break;
            }
            if (b === 0x0a) ligne++;
            i++;
          }
          f = i;
          if (i < n) i++;
          // Anything between the closing quote and the separator is kept out of the value.
          while (i < n && o[i] !== sep && o[i] !== 0x0a) i++;
        } else {
          d = i;
          while (i < n) {
            const b = o[i]!;
            if (b === sep || b === 0x0a) break;
            i++;
          }
          f = i;
          if (f > d && o[f - 1] === 0x0d && (i >= n || o[i] === 0x0a)) f--;
        }
        if (k < MAX_CHAMPS) {
          debuts[k] = d;
          fins[k] = f;
          echappes[k] = e;
        }
        k++;
        if (i >= n) {
          finEnreg = n;
          break;
        }
        if (o[i] === sep) {
          i++;
          continue;
        }
        finEnreg = i > debutEnreg && o[i - 1] === 0x0d ? i - 1 : i;
        i++;
        ligne++;
        break;
      }
      if (k === 1 && fins[0] === debuts[0]) continue; // an empty line
      lignes++;
      let motif: string | null;
      let fr = -1;
      let plafond = -1;
      let garantie = 0;
      const r = this.res;
      if (k <= requis) motif = `ligne incomplète : ${k} colonne(s), ${requis + 1} attendue(s) au moins`;
      else {
        fr = lireCents(o, debuts[c.frais]!, fins[c.frais]!);
        motif = this.ligneCalculee(o, fr);
        if (motif === null) {
          plafond = this.plafond;
          garantie = r.garantie;
        }
      }
      const id = this.idLigne;
      let a = agregats[id];
      if (a === undefined) agregats[id] = a = { nombre: 0, fr: 0, ro: 0, rc: 0, rac: 0, plafonnees: 0 };
      if (motif === null) {
        a.nombre++;
        a.fr += r.fr;
        a.ro += r.roNet;
        a.rc += r.rc;
        a.rac += r.rac;
        if (plafond >= 0) a.plafonnees++;
        if (avecBenef) {
          let s = this.benefPoste[id];
          if (s === undefined) this.benefPoste[id] = s = new EnsembleHaches();
          EnsembleHaches.hacher(o, debuts[c.beneficiaire]!, fins[c.beneficiaire]!);
          s.ajouter(HACHE[0]!, HACHE[1]!);
        }
      } else {
        rejets.push({ ligne: ligneEnreg, raison: motif, fr: fr >= 0 ? fr : -1 });
      }
      if (sortie !== null) {
        sortie.copier(o, debutEnreg, finEnreg);
        const dec = cfg.decimale;
        sortie.octet(sep);
        if (motif === null) {
          sortie.cents(r.roNet, dec);
          sortie.octet(sep);
          sortie.cents(r.rc, dec);
          sortie.octet(sep);
          sortie.cents(r.rac, dec);
        } else {
          sortie.octet(sep);
          sortie.octet(sep);
        }
        if (cfg.plafonds) {
          sortie.octet(sep);
          if (motif === null) sortie.cents(garantie, dec);
          sortie.octet(sep);
          if (motif === null && plafond >= 0) sortie.cents(plafond, dec);
        }
        sortie.octet(sep);
        if (motif !== null) champTexte(sortie, motif, sep);
        sortie.octet(0x0a);
      }
    }
    const postes: Record<string, Agregat> = {};
    for (const [i, a] of agregats.entries()) if (a !== undefined) postes[this.codes[i]!] = a;
    return { sortie: sortie?.resultat() ?? null, lignes, physiques: ligne - 1 + (n > 0 && o[n - 1] !== 0x0a ? 1 : 0), postes, rejets };
  }

  /** The poste id of the last line computed, and the cap that bound (−1: none). */
  private idLigne = 0;
  private plafond = -1;

  /** Reads and computes one record (fields in this.debuts/fins); null when computed (result in this.res), else the reason. */
  private ligneCalculee(o: Uint8Array, fr: number): string | null {
    const c = this.cfg.colonnes;
    const d = this.debuts;
    const f = this.fins;
    // The poste first: a rejected line is still counted under its poste.
    let regle: Regle | null = null;
    let lue: GarantieLue | null = null;
    if (c.poste >= 0) {
      const p = this.postes.valeur(o, d[c.poste]!, f[c.poste]!);
      this.idLigne = p.id;
      if (p.regle === null && c.garantie < 0) return p.raison ?? "poste sans garantie";
      regle = p.regle;
    } else this.idLigne = 0;
    if (c.garantie >= 0) {
      lue = this.garanties.valeur(o, d[c.garantie]!, this.echappes[c.garantie] === 1 ? f[c.garantie]! : f[c.garantie]!);
      if ("erreur" in lue) return lue.erreur;
    }
    if (fr < 0) return raison(fr, "frais réels", this.texte(o, c.frais));
    const br = lireCents(o, d[c.base]!, f[c.base]!);
    if (br < 0) return raison(br, "base de remboursement", this.texte(o, c.base));
    const date = lireJour(o, d[c.date]!, f[c.date]!);
    if (date < 0) return raison(date, "date des soins", this.texte(o, c.date));
    let dateContrat: Jour | undefined = this.cfg.dateContrat >= 0 ? this.cfg.dateContrat : undefined;
    if (c.dateContrat >= 0) {
      const dc = lireJour(o, d[c.dateContrat]!, f[c.dateContrat]!);
      if (dc >= 0) dateContrat = dc;
      else if (dc !== ERR_VIDE) return raison(dc, "date du contrat", this.texte(o, c.dateContrat));
    }
    let tauxRo: Taux | undefined;
    if (c.tauxRo >= 0 && f[c.tauxRo]! > d[c.tauxRo]!) {
      const t = lireTaux(o, d[c.tauxRo]!, f[c.tauxRo]!);
      if (t === null) return raison(-7, "taux de remboursement du RO", this.texte(o, c.tauxRo));
      tauxRo = t;
    }
    let secteur: Secteur | undefined = regle?.secteur;
    if (c.secteur >= 0 && f[c.secteur]! > d[c.secteur]!) {
      const s = this.secteurs.valeur(o, d[c.secteur]!, f[c.secteur]!);
      if ("erreur" in s) return s.erreur;
      secteur = s.valeur;
    }
    let retenue: Retenue | undefined;
    if (c.retenue >= 0 && f[c.retenue]! > d[c.retenue]!) {
      const s = this.retenues.valeur(o, d[c.retenue]!, f[c.retenue]!);
      if ("erreur" in s) return s.erreur;
      retenue = s.valeur;
    }
    const garantie = lue !== null && !("erreur" in lue) ? lue : regle !== null ? { garantie: regle.garantie, compilee: regle.compilee } : null;
    if (garantie === null) return "aucune garantie pour cette ligne";
    const calculateur: Calculateur = regle === null ? "soins" : regle.calculateur;
    this.plafond = -1;
    try {
      switch (calculateur) {
        case "soins": {
          if (tauxRo === undefined) {
            if (regle?.tauxRo == null) return "taux de remboursement du RO manquant (colonne taux_ro, ou un poste qui le fixe)";
            tauxRo = regle.tauxRo.valeurAu(date);
          }
          const l = this.ligne;
          l.date = date;
          l.fr = fr;
          l.br = br;
          l.tauxRo = tauxRo;
          l.garantie = garantie.compilee;
          l.secteur = secteur;
          l.retenue = retenue;
          l.responsable = this.cfg.responsable;
          l.garantieOptam = regle?.optam;
          l.dateContrat = dateContrat;
          calculerSoinsCompile(l, this.res);
          if (this.res.plafonne) this.plafond = this.res.plafondNonOptam;
          return null;
        }
        case "dentaire": {
          let panier: PanierDentaire | undefined;
          if (c.panier >= 0) {
            const p = this.paniers.valeur(o, d[c.panier]!, f[c.panier]!);
            if ("erreur" in p) return p.erreur;
            panier = p.valeur;
          } else panier = panierDuPoste(regle!.code);
          const x = calculerDentaire({
            date,
            garantie: garantie.garantie,
            fr,
            br,
            ...(panier !== undefined ? { panier } : {}),
            ...(tauxRo !== undefined ? { tauxRo } : {}),
            responsable: this.cfg.responsable,
            ...(dateContrat !== undefined ? { dateContrat } : {}),
          });
          this.copier(x);
          return null;
        }
        case "sejour": {
          const acteLourd = c.acteLourd >= 0 ? vrai(o, d[c.acteLourd]!, f[c.acteLourd]!) : regle!.code === "hospi.forfait-actes-lourds";
          const x = calculerSejour({
            date,
            fr,
            br,
            garantie: garantie.garantie,
            acteLourd,
            ...(tauxRo !== undefined ? { tauxRo } : {}),
            responsable: this.cfg.responsable,
            ...(dateContrat !== undefined ? { dateContrat } : {}),
          });
          this.copier(x);
          return null;
        }
        default:
          return `le poste « ${regle!.code} » se calcule avec ${NOMS[calculateur ?? "aucun"] ?? "un calcul"} : pas encore pris en charge par remb calculer`;
      }
    } catch (e) {
      if (estRembError(e)) return e.message;
      return `erreur interne de REMB : ${(e as Error)?.message ?? String(e)}`;
    }
  }

  private copier(x: {
    fr: number;
    br: number;
    roBrut: number;
    retenue: number;
    roNet: number;
    garantie: number;
    rc: number;
    rac: number;
    plafonds: readonly { montant: number }[];
  }): void {
    const r = this.res;
    r.fr = x.fr;
    r.br = x.br;
    r.roBrut = x.roBrut;
    r.retenue = x.retenue;
    r.roNet = x.roNet;
    r.garantie = x.garantie;
    r.rc = x.rc;
    r.rac = x.rac;
    this.plafond = x.plafonds.length > 0 ? x.plafonds[0]!.montant : -1;
  }

  private texte(o: Uint8Array, i: number): string {
    return this.decodeur.decode(o.subarray(this.debuts[i]!, this.fins[i]!)).trim();
  }
}

const NOMS: Readonly<Record<string, string>> = {
  optique: "REMB.OPTIQUE (monture, verres, catégorie)",
  audio: "REMB.AUDIO (classe, âge)",
  fj: "REMB.FJ (nombre de jours)",
  aucun: "aucun calculateur (poste sans montant)",
};

function panierDuPoste(code: string): PanierDentaire | undefined {
  if (code === "dentaire.protheses.100-sante") return "100%SANTE";
  if (code === "dentaire.protheses.maitrise") return "MAITRISE";
  return undefined;
}

function vrai(o: Uint8Array, debut: number, fin: number): boolean {
  const c = fin > debut ? o[debut]! | 0x20 : 0;
  return c === 0x31 || c === 0x6f || c === 0x76 || c === 0x74 || c === 0x79; // 1, oui, vrai, true, yes
}

function lu<T>(f: () => T): Lu<T> {
  try {
    return { valeur: f() };
  } catch (e) {
    return { erreur: estRembError(e) ? e.message : String(e) };
  }
}

/** A text written as one CSV field: quoted when it holds the separator, a quote or a line break. */
function champTexte(t: Tampon, s: string, sep: number): void {
  if (s.includes('"') || s.includes("\n") || s.includes(String.fromCharCode(sep))) t.texte(`"${s.replace(/"/g, '""')}"`);
  else t.texte(s);
}

const MAX_CHAMPS = 4096;
