import { civilDepuisJour } from "../dates";
import { formatEuros } from "../money";
import type { Formule, Garantie, TermePeriode } from "./ast";
import type { ContexteGarantie } from "./contexte";
import { sorteDuCompte } from "./compte";
import { evaluerGarantie, pmssDeLAnnee, unitesPayees } from "./evaluer";
import { texteFormule, textePeriode } from "./imprimer";
import { UNITES } from "./vocabulaire";

/**
 * A short French reading of a guarantee for the DETAIL table: what was understood, which convention was used
 * (Sécu incluse or en sus du RO) and, given a context, the amount G with what it rests on:
 * « 150 % BR, Sécu incluse : 45,00 € », « Forfait 50 € en sus du RO : 71,00 € (RO brut 21,00 € + 50,00 €) ».
 * Evaluation errors (PLV unknown, service…) propagate as the calculators would raise them.
 */
export function decrireGarantie(g: Garantie, ctx?: ContexteGarantie): string {
  switch (g.type) {
    case "neant":
      return ctx ? "Néant : pas de remboursement complémentaire (0,00 €)" : "Néant : pas de remboursement complémentaire";
    case "service":
      return `${g.texte} : service, sans montant à calculer`;
    case "renvoi":
      return `Voir ${g.vers} : la garantie figure dans un autre tableau, sans montant ici`;
    case "formule":
      return decrireFormule(g, ctx);
  }
}

function decrireFormule(f: Formule, ctx: ContexteGarantie | undefined): string {
  const forfait = f.termes.every((tp) => tp.terme.type === "montant");
  const corps = texteFormule(f, false);
  let s = forfait ? `Forfait ${corps}` : corps.charAt(0).toUpperCase() + corps.slice(1);
  s += f.convention === "RO_EN_SUS" ? " en sus du RO" : ", Sécu incluse";
  const notes: string[] = [];
  if (ctx) {
    const g = evaluerGarantie(f, ctx);
    s += ` : ${formatEuros(g)}`;
    const unites = ctx.unites ?? 1;
    const sorte = sorteDuCompte(f);
    const payees = unitesPayees(f, sorte, unites);
    const parUnite = toutes(f).find((tp) => tp.periode && UNITES[tp.periode.unite].parUnite);
    if (sorte === "prorata" && unites !== 1) {
      // « Frais réels (max 90 jours / an) »: the line's value for the days paid out of the days of the line.
      const u = UNITES[f.nombreMax!.unite!];
      notes.push(
        payees < unites
          ? `maximum atteint : ${payees} ${payees > 1 ? u.pluriel : u.singulier} sur ${unites}, valeur de la ligne au prorata ${payees}/${unites}`
          : `${unites} ${unites > 1 ? u.pluriel : u.singulier}`,
      );
    } else if (parUnite?.periode && unites !== 1) {
      const u = UNITES[parUnite.periode.unite];
      notes.push(
        payees < unites
          ? `maximum atteint : ${payees} ${payees > 1 ? u.pluriel : u.singulier} sur ${unites}`
          : `${unites} ${unites > 1 ? u.pluriel : u.singulier}`,
      );
    }
    if (toutes(f).some((tp) => tp.terme.type === "pourcentage" && tp.terme.base === "PMSS")) {
      notes.push(`PMSS ${civilDepuisJour(ctx.date).annee} : ${formatEuros(pmssDeLAnnee(ctx.date))}`);
    }
    if (f.convention === "RO_EN_SUS") notes.push(`RO brut ${formatEuros(ctx.roBrut)} + ${formatEuros(g - ctx.roBrut)}`);
  }
  // One line cannot know what the beneficiary already used this year: the envelope counts as whole.
  const enveloppe = toutes(f).find(
    (tp) => tp.periode && ((!UNITES[tp.periode.unite].parUnite && UNITES[tp.periode.unite].duree) || tp.periode.duree !== undefined),
  );
  if (enveloppe?.periode) notes.push(`enveloppe « ${textePeriode(enveloppe.periode)} » supposée entièrement disponible`);
  // « 1 équipement tous les 2 ans », « 200 € (max 1 / 2 ans) »: one line is one item; the dates are elsewhere.
  if (sorteDuCompte(f) === "renouvellement") notes.push("renouvellement non vérifié sur une seule ligne");
  return notes.length > 0 ? `${s} (${notes.join(" ; ")})` : s;
}

function toutes(f: Formule): readonly TermePeriode[] {
  return [...f.termes, ...(f.minimum ?? []), ...(f.limite ?? [])];
}
