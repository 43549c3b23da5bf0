import { RembError, argumentInvalide } from "../errors";
import { appliquerTaux, multiplierEntier, tauxEnPourcentTexte, tauxEnTexte, type Cents, type Taux } from "../money";
import type { Jour } from "../dates";
import { parametres } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, type Garantie } from "../garantie";
import { AUCUN, clore, rcResponsable, type Decompte, type Etape } from "./decompte";
import { booleenOuDefaut, normaliserMotCle, verifierEntree, verifierGarantie, verifierJour, verifierMontant, verifierMontantGarantie, QUOI_DATE_SOINS, QUOI_DATE_CONTRAT, type OptionsCalcul } from "./entrees";
import { etape, euros, interpretationGarantie, pourcent, ETAPE_RO_NET, ETAPE_RC, ETAPE_RAC } from "./etapes";
import { memoCents, memoTaux, type ParametreMemo } from "./parametre-memo";

/** Medicine rating that sets the AMO rate (domain §8.1). */
export type Smr = "important" | "modere" | "faible" | "irremplacable";

/** One line of medicines: `boites` boxes of the same product. */
export interface EntreePharmacie {
  readonly date: Jour;
  /** Price of one box (honoraire de dispensation included). */
  readonly prix: Cents;
  /** Base de remboursement of one box. */
  readonly br: Cents;
  readonly boites: number;
  readonly smr: Smr;
  readonly garantie: Garantie;
  /** No franchise: under 18 on 1 January (D160-12), maternity, C2S / AME. */
  readonly exonere?: boolean;
  readonly responsable?: boolean;
  readonly dateContrat?: Jour;
}

interface RegleSmr {
  readonly parametre: string;
  readonly taux: ParametreMemo<Taux>;
  readonly libelle: string;
  /** Whether R871-2 1° obliges a responsible contract to cover the TM (CR-07 exceptions 6° and 14°). */
  readonly tmObligatoire: boolean;
}

const REGLES: Readonly<Record<Smr, RegleSmr>> = {
  important: { parametre: "ro.taux.medicament.smr_important", taux: memoTaux("ro.taux.medicament.smr_important"), libelle: "SMR majeur ou important", tmObligatoire: true },
  modere: { parametre: "ro.taux.medicament.smr_modere", taux: memoTaux("ro.taux.medicament.smr_modere"), libelle: "SMR modéré", tmObligatoire: false },
  faible: { parametre: "ro.taux.medicament.smr_faible", taux: memoTaux("ro.taux.medicament.smr_faible"), libelle: "SMR faible", tmObligatoire: false },
  irremplacable: { parametre: "ro.taux.medicament.irremplacable", taux: memoTaux("ro.taux.medicament.irremplacable"), libelle: "médicament irremplaçable et coûteux", tmObligatoire: true },
};

const PARAM_FRANCHISE = "franchise.medicament";
const MEMO_FRANCHISE = memoCents(PARAM_FRANCHISE);
const BOITES_MAX = 1_000_000;

export function estSmr(x: unknown): x is Smr {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(REGLES, x);
}

const MOTS_SMR: readonly (readonly [string, Smr])[] = [
  ["important", "important"],
  ["majeur", "important"],
  ["majeur ou important", "important"],
  ["smr important", "important"],
  ["smr majeur", "important"],
  ["modere", "modere"],
  ["smr modere", "modere"],
  ["faible", "faible"],
  ["smr faible", "faible"],
  ["irremplacable", "irremplacable"],
  ["irremplacable et couteux", "irremplacable"],
];

/** The rate of a class as the data has it last (the one users know): « 65 % » means SMR important. */
function tauxActuel(smr: Smr): Taux {
  return parametres.valeurActuelle(REGLES[smr].parametre).valeur as Taux;
}

let synonymes: ReadonlyMap<string, Smr> | undefined;

/** The keywords and, per class, its current rate written four ways (65, 65 %, 0.65, 0,65), built from the data once. */
function synonymesSmr(): ReadonlyMap<string, Smr> {
  if (synonymes) return synonymes;
  const m = new Map<string, Smr>(MOTS_SMR);
  for (const smr of Object.keys(REGLES) as Smr[]) {
    const t = tauxActuel(smr);
    const pct = tauxEnPourcentTexte(t).replace(",", ".");
    for (const forme of [pct, `${pct} %`, pct.replace(".", ","), `${pct.replace(".", ",")} %`, tauxEnTexte(t), tauxEnTexte(t).replace(".", ",")]) m.set(forme, smr);
  }
  synonymes = m;
  return m;
}

/** « important », « SMR modéré », « 65 % », « 0,15 », « irremplaçable »… → the SMR class. */
export function smrDepuisTexte(s: string): Smr {
  const v = typeof s === "string" ? synonymesSmr().get(normaliserMotCle(s).replace(/(\d)%/, "$1 %")) : undefined;
  if (v === undefined) throw smrInconnu(String(s));
  return v;
}

function smrInconnu(s: string): RembError {
  return argumentInvalide(
    `Service médical rendu inconnu : « ${s} » — attendu ` +
      (["important", "modere", "faible", "irremplacable"] as const).map((smr) => `« ${smr} » (${pourcent(tauxActuel(smr))})`).join(", ").replace(/, ([^,]*)$/, " ou $1") +
      ".",
  );
}

/**
 * Per box: RO brut = round(base × taux), franchise = min(franchise.medicament, RO of the box) (D160-9, last
 * paragraph: the franchise never exceeds the RO of the item). The line is the box × `boites`. The AMO's own
 * rounding of a multi-box line is not documented: computing per box is what the per-box franchise requires
 * [INF]. G is evaluated on the line totals (FR, BR, RO brut of all the boxes; per-unit cells × boxes).
 */
export function calculerPharmacie(e: EntreePharmacie, o?: OptionsCalcul): Decompte {
  verifierEntree(e);
  const date = e.date;
  verifierJour(date, QUOI_DATE_SOINS);
  const prix = verifierMontant(e.prix, "le prix de la boîte");
  const br = verifierMontant(e.br, "la base de remboursement de la boîte");
  if (!Number.isInteger(e.boites) || e.boites < 0 || e.boites > BOITES_MAX) {
    throw argumentInvalide(`Nombre de boîtes invalide : ${String(e.boites)} — un nombre entier positif ou nul est attendu.`);
  }
  if (!estSmr(e.smr)) throw smrInconnu(String(e.smr));
  verifierGarantie(e.garantie);
  const exonere = booleenOuDefaut(e.exonere, false, "exonéré");
  const responsable = booleenOuDefaut(e.responsable, true, "responsable");
  if (e.dateContrat !== undefined) verifierJour(e.dateContrat, QUOI_DATE_CONTRAT);
  const regle = REGLES[e.smr];
  const n = e.boites;
  let alertes: string[] | null = null;

  const baseBoite = prix < br ? prix : br;
  if (prix < br) {
    alertes = [
      `Prix de la boîte (${euros(prix)}) inférieur à la base de remboursement (${euros(br)}) : ` +
        `le RO est calculé sur le prix, l'assurance maladie ne rembourse pas plus que la dépense.`,
    ];
  }
  const taux: Taux = regle.taux.valeurAu(date);
  const roBoite = appliquerTaux(baseBoite, taux);
  const franchiseUnitaire = exonere ? 0 : MEMO_FRANCHISE.valeurAu(date);
  const franchiseBoite = franchiseUnitaire < roBoite ? franchiseUnitaire : roBoite;

  const fr = multiplierEntier(prix, n);
  const base = multiplierEntier(baseBoite, n);
  const roBrut = multiplierEntier(roBoite, n);
  const retenue = multiplierEntier(franchiseBoite, n);
  const roNet = roBrut - retenue;

  const ctx = { date, br: base, fr, roBrut, unites: n };
  const g = evaluerGarantie(e.garantie, ctx);
  verifierMontantGarantie(g);
  const rc = rcResponsable(g, fr, roBrut);
  const tm = base - roBrut;
  if (responsable && regle.tmObligatoire && rc < tm) {
    (alertes ??= []).push(
      `La garantie ne couvre pas tout le ticket modérateur (${euros(tm)}) d'un médicament à ${pourcent(taux)}, ` +
        `obligatoire pour un contrat responsable (R871-2 1° CSS) : reste ${euros(tm - rc)} à la charge de l'assuré.`,
    );
  }

  let etapes: readonly Etape[] = AUCUN;
  if (o?.detail === true) {
    const refTaux = parametres.valeurDatee(regle.parametre, date).reference.texte;
    const l: Etape[] = [
      etape(`Prix : ${n} boîte(s) × ${euros(prix)}`, fr),
      etape(`Base de remboursement : ${n} × ${euros(baseBoite)}`, base),
      etape(`RO brut (${pourcent(taux)} × ${euros(baseBoite)} = ${euros(roBoite)} par boîte, ${regle.libelle})`, roBrut, refTaux),
    ];
    if (exonere) {
      l.push(etape("Franchise : aucune (assuré exonéré)", 0, "D160-12 CSS"));
    } else {
      const refFranchise = parametres.valeurDatee(PARAM_FRANCHISE, date).reference.texte;
      l.push(
        etape(
          franchiseBoite < franchiseUnitaire
            ? `Franchise : ${euros(franchiseBoite)} par boîte (${euros(franchiseUnitaire)} ramenée au RO de la boîte)`
            : `Franchise : ${euros(franchiseBoite)} par boîte`,
          -retenue,
          franchiseBoite < franchiseUnitaire ? `${refFranchise} ; D160-9 CSS, dernier alinéa` : refFranchise,
        ),
      );
    }
    l.push(etape(ETAPE_RO_NET, roNet));
    l.push(
      etape(
        regle.tmObligatoire
          ? "Ticket modérateur (BR − RO brut) : couverture obligatoire pour un contrat responsable"
          : "Ticket modérateur (BR − RO brut) : couverture facultative pour un contrat responsable",
        tm,
        regle.tmObligatoire ? `${referenceNommee("r871_2.1", e.dateContrat ?? date)} ; ${refTaux}` : `${referenceNommee("r871_2.1", e.dateContrat ?? date)} (exception : ${refTaux})`,
      ),
    );
    if (fr > base) l.push(etape("Dépassement (prix − BR)", fr - base));
    l.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, g));
    l.push(etape(ETAPE_RC, rc, referenceNommee("l871_1.retenues", e.dateContrat ?? date)));
    l.push(etape(ETAPE_RAC, fr - roNet - rc));
    etapes = l;
  }

  return clore({ fr, br: base, roBrut, retenue, roNet, garantie: g, rc, plafonds: AUCUN, alertes: alertes ?? AUCUN, etapes });
}
