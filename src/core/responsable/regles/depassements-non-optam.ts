import { dateFr, type Jour } from "../../dates";
import type { IdRegle } from "../../postes";
import { tauxEnNombre, type Cents, type Taux } from "../../money";
import { debutRegime2015 } from "../limites/regime-responsable";
import { PARAM_ECART, PARAM_PLAFOND, plafondNonOptam, valeurEcartNonOptam, valeurPlafondNonOptam } from "../limites/depassement-non-optam";
import { parametres, type ValeurDatee } from "../../params";
import type { Couverture } from "../couverture";
import { BRS_ECHANTILLON, FR_ILLIMITE, euros, pct, point, pourcentageBr } from "../echantillons";
import { tauxDuPoste } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 2°: the dépassements of doctors outside the DPTM (OPTAM / OPTAM-CO) are covered « dans la double
 * limite » of a share of the tarif de responsabilité and of the adherents' cover « minoré d'un montant égal à »
 * another share of it (both in the data). Per level, each non-OPTAM line is read
 * against the OPTAM line of the same kind of act (catalogue `paire`). A line printed once for every doctor is both:
 * if it covers a dépassement, non-adherents get what adherents get, which the « minoré de 20 % » forbids.
 * The limit values are dated parameters (responsable.non_dptm.*; a ⚠ value gives an alerte, not an erreur).
 */
export const depassementsNonOptam: Regle = {
  id: "R871-2 2°",
  get enonce() {
    const { plafond, ecart } = limitesActuelles();
    return `Les dépassements des médecins non adhérents à l'OPTAM / OPTAM-CO sont pris en charge dans la double limite de ${plafond} de la BR et de la prise en charge des adhérents minorée de ${ecart} de la BR.`;
  },
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const ref = refR871_2("2°", v.date);
    const vPlafond = valeurPlafondNonOptam(v.date);
    const limites = {
      plafond: pct(tauxEnNombre(vPlafond.valeur as Taux) * 100),
      ecart: pct(tauxEnNombre(valeurEcartNonOptam(v.date).valeur as Taux) * 100),
      incertain: vPlafond.incertain ? vPlafond : undefined,
    };
    const paires = new Map<string, { optam: number[]; non?: number[]; tous?: number }>();
    for (const i of v.lignes((p) => p.paire !== undefined && p.secteur !== undefined)) {
      const p = v.posteDe(i)!;
      const g = paires.get(p.paire!) ?? { optam: [] };
      if (p.secteur === "OPTAM") g.optam.push(i);
      else if (p.secteur === "NON-OPTAM") (g.non ??= []).push(i);
      else g.tous ??= i;
      paires.set(p.paire!, g);
    }
    // « Signataires DPTM | Non signataires DPTM » columns: on each doctors' line, one column against the other.
    const iOptam = v.grille.niveaux.findIndex((n) => n.secteur === "OPTAM");
    const iNonOptam = v.grille.niveaux.findIndex((n) => n.secteur === "NON-OPTAM");
    if (iOptam >= 0 && iNonOptam >= 0) {
      for (const i of v.lignes((p) => p.paire !== undefined)) {
        const taux = tauxDuPoste(v.posteDe(i)!, v.date);
        const non = v.couvertures.de(i, iNonOptam);
        const optam = v.couvertures.de(i, iOptam);
        if (taux === null || !non.lisible || !optam.lisible || non.cellule.texte.trim() === "") continue;
        verifierNiveau(v, this.id, ref, non, optam, false, taux, limites);
      }
    }
    const enColonnes = (iNiveau: number) => v.grille.niveaux[iNiveau]!.secteur !== undefined;
    for (const g of paires.values()) {
      const lignesNon = g.non ?? (g.tous !== undefined ? [g.tous] : []);
      for (const iNon of lignesNon) {
        // Grids print the pair on two lines next to each other: with several OPTAM lines of one kind (« actes de
        // spécialité », « chirurgie de ville »), the non-OPTAM line goes with the nearest one, the one above first.
        const ligneOptam = g.optam.length === 0 ? g.tous : g.optam.reduce((a, b) => (rangPaire(b, iNon) < rangPaire(a, iNon) ? b : a));
        const taux = tauxDuPoste(v.posteDe(iNon)!, v.date);
        if (taux === null) continue;
        const unique = iNon === ligneOptam;
        for (const non of v.couverturesDe(iNon)) {
          if (enColonnes(non.iNiveau)) continue;
          const optam = ligneOptam === undefined ? undefined : v.couvertures.de(ligneOptam, non.iNiveau);
          if (optam !== undefined && !optam.lisible) continue; // the unreadable OPTAM cell is already reported
          verifierNiveau(v, this.id, ref, non, optam, unique, taux, limites);
        }
      }
    }
  },
};

/** The two limits of R871-2 2° as percentages of the BR (« 100 % », « 20 % »), and the ⚠ value when the limit is uncertain. */
interface Limites {
  readonly plafond: string;
  readonly ecart: string;
  readonly incertain: ValeurDatee | undefined;
}

/** « pour les contrats souscrits du 01/04/2015 au 31/12/2016 »: the period of a dated value of the 100 % BR limit. */
function periode(v: ValeurDatee): string {
  const suivante = parametres.definition(PARAM_PLAFOND).valeurs.find((x) => x.debut > v.debut && !x.annonce);
  return suivante
    ? `pour les contrats souscrits du ${dateFr(v.debut)} au ${dateFr(suivante.debut - 1)}`
    : `pour les contrats souscrits depuis le ${dateFr(v.debut)}`;
}

/** The limits as the data has them last, for the rule's statement. */
function limitesActuelles(): { plafond: string; ecart: string } {
  const ratio = (nom: string) => pct(tauxEnNombre(parametres.valeurActuelle(nom).valeur as Taux) * 100);
  return { plafond: ratio(PARAM_PLAFOND), ecart: ratio(PARAM_ECART) };
}

function verifierNiveau(
  v: Verification,
  id: IdRegle,
  ref: string,
  non: Couverture,
  optam: Couverture | undefined,
  unique: boolean,
  taux: Taux,
  limites: Limites,
): void {
  const echecs: { br: Cents; g: Cents; max: Cents }[] = [];
  let evalues = 0;
  for (const br of BRS_ECHANTILLON) {
    // FR unlimited: the rule bounds the most the contract pays for the act's dépassement.
    const ctx = point(v.date, br, taux, FR_ILLIMITE).ctx;
    const g = non.montant(ctx);
    if (!g.ok) continue;
    let depOptam: Cents | undefined;
    if (optam !== undefined) {
      const o = optam.montant(ctx);
      if (!o.ok) continue;
      depOptam = o.montant - br;
    }
    evalues++;
    const max = plafondNonOptam(br, depOptam, v.date);
    if (g.montant > max) echecs.push({ br, g: g.montant, max });
  }
  if (evalues === 0) {
    v.signaler(id, "alerte", non, "Dépassements non-OPTAM : la garantie ne donne pas de montant, le plafond ne peut pas être vérifié.", ref);
    return;
  }
  if (optam === undefined) {
    v.signaler(
      id,
      "alerte",
      non,
      `Aucune ligne « médecins adhérents OPTAM / OPTAM-CO » pour ce type d'acte : seule la limite de ${limites.plafond} de la BR de dépassement a pu être vérifiée.`,
      ref,
    );
  }
  if (echecs.length === 0) return;
  const xNon = pourcentageBr(non, v.date, taux);
  const xOpt = optam === undefined ? undefined : pourcentageBr(optam, v.date, taux);
  const e = echecs[0]!;
  let message: string;
  if (unique) {
    message =
      `Une même garantie pour tous les médecins (${xNon !== undefined ? `${pct(xNon)} de la BR` : non.cellule.texte}) couvre des dépassements : ` +
      `celle des médecins non adhérents à l'OPTAM doit être inférieure d'au moins ${limites.ecart} de la BR à celle des adhérents ` +
      `(prévoir deux lignes, OPTAM et non-OPTAM).`;
  } else if (xNon !== undefined && (optam === undefined || xOpt !== undefined || illimite(optam, v.date, taux))) {
    const maxPct = (e.max / e.br) * 100;
    message =
      `Médecins non adhérents à l'OPTAM : ${pct(xNon)} de la BR, au-delà du maximum de ${pct(maxPct)} ` +
      (xOpt !== undefined
        ? `permis quand les adhérents sont couverts à ${pct(xOpt)} (100 % + min(${limites.plafond} ; ${pct(xOpt - 100)} − ${limites.ecart})).`
        : optam !== undefined
          ? `permis quand les adhérents sont couverts aux frais réels (100 % + ${limites.plafond} de la BR de dépassement au plus).`
          : `(${limites.plafond} de la BR de dépassement au plus).`);
  } else {
    message =
      `Médecins non adhérents à l'OPTAM : pour une BR de ${euros(e.br)}, la garantie donne ${euros(e.g)}, au-delà du maximum de ${euros(e.max)} ` +
      `(BR + min(${limites.plafond} de la BR ; dépassement couvert pour les adhérents − ${limites.ecart} de la BR)).`;
  }
  const partiel = echecs.length < evalues;
  if (partiel) message += ` Le plafond n'est dépassé que pour certaines BR (forfait) : à vérifier selon les actes.`;
  if (limites.incertain)
    message += ` ⚠ Limite de ${limites.plafond} de la BR ${periode(limites.incertain)}, incertaine : ${limites.incertain.note ?? limites.incertain.reference.texte}`;
  v.signaler(id, partiel || limites.incertain ? "alerte" : "erreur", non, message, ref);
}

/** The OPTAM cover has no ceiling (« Frais réels »): it pays the whole unlimited bill. */
function illimite(c: Couverture, date: Jour, taux: Taux): boolean {
  const e = c.montant(point(date, 10000, taux, FR_ILLIMITE).ctx);
  return e.ok && e.montant >= FR_ILLIMITE;
}

/** Distance from an OPTAM line to a non-OPTAM line, the line just above coming before the one just below. */
function rangPaire(iOptam: number, iNon: number): number {
  return 2 * Math.abs(iNon - iOptam) + (iOptam > iNon ? 1 : 0);
}
