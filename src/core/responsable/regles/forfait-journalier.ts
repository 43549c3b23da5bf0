import { dateFr, type Jour } from "../../dates";
import { TAUX_ZERO, type Cents } from "../../money";
import { debutRegime2015 } from "../limites/regime-responsable";
import { sorteDuCompte } from "../../garantie";
import { formules } from "../couverture";
import { euros, point } from "../echantillons";
import { centsAu } from "../points";
import { parametres } from "../../params";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 6°: the forfait journalier hospitalier of L174-4 is covered « sans limitation de durée ». Checked
 * on the dated amount (23 € / 17 € in psychiatry since 2026-03-01) for one day, and on a long stay for any limit
 * in days or in euros.
 */
export const forfaitJournalier: Regle = {
  id: "R871-2 6°",
  enonce: "Le forfait journalier hospitalier doit être pris en charge en totalité et sans limitation de durée.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const ref = refR871_2("6°", v.date);
    for (const i of v.lignes((p) => p.calculateur === "fj")) {
      const psy = v.posteDe(i)!.code.endsWith(".psy");
      const fj = centsAu(psy ? "fj.psy" : "fj.montant", v.date);
      if (fj === null) continue;
      const quoi = psy ? "forfait journalier en psychiatrie" : "forfait journalier";
      for (const c of v.couverturesDe(i)) {
        const un = c.montant(sejour(v.date, fj, 1));
        if (!un.ok) {
          v.signaler(this.id, "alerte", c, `Forfait journalier : prise en charge invérifiable (${un.raison}).`, ref);
          continue;
        }
        if (un.montant < fj) {
          // « 100 % BR » on this line can only mean a share of the forfait (it has no BR); a shortfall read that way
          // rests on that reading, which the auditor confirms.
          const surBr = formules(c).some((f) => f.termes.some((t) => t.terme.type === "pourcentage" && t.terme.base === "BR"));
          const lecture = surBr
            ? " À vérifier : le forfait n'a pas de base de remboursement, le pourcentage de la BR est lu comme un pourcentage du forfait."
            : "";
          v.signaler(
            this.id,
            surBr ? "alerte" : "erreur",
            c,
            `Le ${quoi} (${euros(fj)} par jour au ${dateFr(v.date)}) n'est pas pris en charge en totalité : la garantie donne ${euros(un.montant)} par jour.${lecture}`,
            ref,
          );
          continue;
        }
        // A fixed amount that covers today's forfait may not cover the next one (20 € → 23 € on 2026-03-01): the
        // contract must cover it in full for every stay it pays.
        const suivant = prochainMontant(psy ? "fj.psy" : "fj.montant", v.date, (m) => {
          const e = c.montant(sejour(v.date, m, 1));
          return e.ok && e.montant >= m;
        });
        if (suivant !== undefined) {
          v.signaler(
            this.id,
            "alerte",
            c,
            `Le ${quoi} passe à ${euros(suivant.montant)} par jour le ${dateFr(suivant.debut)} : la garantie (${euros(un.montant)} par jour) ne le couvrira plus en totalité à partir de cette date.`,
            ref,
          );
        }
        const limite = limiteEnJours(c);
        if (limite !== undefined) {
          v.signaler(this.id, "erreur", c, `Le ${quoi} doit être pris en charge sans limitation de durée : la garantie le limite à ${limite} jour(s).`, ref);
          continue;
        }
        // A limit in euros (« dans la limite de 500 € / an ») bounds the duration too. A bare amount (« 23 € ») is
        // read per day on this line, as grids print it.
        const montants = formules(c).every((f) => !f.limite && f.termes.every((t) => t.terme.type === "montant" && t.periode === undefined));
        const jours = 400;
        const long = c.montant(sejour(v.date, fj, jours));
        if (!montants && long.ok && long.montant < fj * jours) {
          v.signaler(
            this.id,
            "erreur",
            c,
            `Le ${quoi} doit être pris en charge sans limitation de durée : pour un séjour de ${jours} jours, la garantie donne ${euros(long.montant)} au lieu de ${euros(fj * jours)}.`,
            ref,
          );
        }
      }
    }
  },
};

/** A stay of `jours` days: the forfait is both the expense and the base a « % BR » of this line is read on. */
function sejour(date: Jour, fj: Cents, jours: number) {
  return point(date, fj * jours, TAUX_ZERO, fj * jours, { unites: jours }).ctx;
}

/** A count of days (or of per-day amounts) in the cell: any such count limits the duration. */
function limiteEnJours(c: Parameters<typeof formules>[0]): number | undefined {
  for (const f of formules(c)) {
    const k = sorteDuCompte(f);
    if (k === "unites" || k === "prorata") return f.nombreMax!.nombre;
  }
  return undefined;
}

/** The first later value of the forfait (published, not announced) that the cover does not reach, if any. */
function prochainMontant(nom: string, date: Jour, couvre: (montant: Cents) => boolean): { debut: Jour; montant: Cents } | undefined {
  for (const x of parametres.definition(nom).valeurs) {
    if (x.debut <= date || x.annonce || typeof x.valeur !== "number") continue;
    if (!couvre(x.valeur)) return { debut: x.debut, montant: x.valeur };
  }
  return undefined;
}
