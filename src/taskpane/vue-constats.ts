import type { Constat, RapportVerification } from "../core/responsable";
import { articleCourt, grouperConstats, lienLegifrance, resumeRapport, TITRES_GRAVITE, verdict } from "./constats";
import { el, par, vider } from "./dom";

/**
 * The findings: the verdict, then every finding grouped by gravité then poste, with its message, rule, article
 * (a Légifrance link when the reference names one) and « Aller à la cellule » when the grid is in the workbook.
 */
export function rendreConstats(r: RapportVerification, allerA: ((adresse: string) => void) | null): void {
  const v = par("verdict");
  v.textContent = resumeRapport(r);
  v.className = `verdict ${verdict(r)}`;
  const conteneur = par("constats");
  vider(conteneur);
  for (const g of grouperConstats(r.constats)) {
    conteneur.append(el("h3", {}, `${TITRES_GRAVITE[g.gravite]} (${g.nombre})`));
    for (const p of g.postes) {
      conteneur.append(el("h4", {}, `${p.titre} (${p.constats.length})`));
      const ul = el("ul", { class: `constats ${g.gravite}` });
      for (const c of p.constats) ul.append(constat(c, allerA));
      conteneur.append(ul);
    }
  }
}

function constat(c: Constat, allerA: ((adresse: string) => void) | null): HTMLLIElement {
  const url = lienLegifrance(c.reference);
  const ou: (Node | string)[] = [];
  const sep = () => ou.length > 0 && ou.push(" · ");
  if (c.niveau !== undefined) {
    sep();
    ou.push(c.niveau);
  }
  if (c.valeur !== undefined) {
    sep();
    ou.push(`« ${c.valeur} »`);
  }
  sep();
  ou.push(`Règle ${c.regle}`);
  sep();
  ou.push(url ? el("a", { href: url, target: "_blank", rel: "noopener" }, articleCourt(c.reference)) : c.reference);
  if (c.adresse !== undefined) {
    sep();
    if (allerA) {
      // The accessible name starts with the visible text (WCAG 2.5.3) and adds the sheet.
      const court = c.adresse.replace(/^.*!/, "");
      const b = el(
        "button",
        { type: "button", class: "lien", "data-adresse": c.adresse, "aria-label": `Aller à ${court} (cellule ${c.adresse})` },
        `Aller à ${court}`,
      );
      b.addEventListener("click", () => allerA(c.adresse!));
      ou.push(b);
    } else ou.push(c.adresse);
  }
  return el("li", {}, el("p", {}, c.message), el("p", { class: "constat-ou" }, ...ou));
}
