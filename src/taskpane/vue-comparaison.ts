import { aujourdhui, isoDepuisJour, jourDepuisIso } from "../core/dates";
import type { Grille } from "../core/grille";
import { el, par, vider } from "./dom";
import { ecrireFeuilles, nomsDesFeuilles, type Hote } from "./excel-io";
import { ErreurVolet, texteErreur } from "./erreurs";
import { nomLibre } from "./plan";
import { message } from "./ui";

type Module = typeof import("./comparaison");
/** The comparison code and the scenario data: the chunk REMB.SCENARIOS loads too (one copy in the add-in). */
const charger = (): Promise<Module> => import(/* webpackChunkName: "scenarios" */ "./comparaison");

/**
 * « Comparer »: the levels of the grids loaded one after the other are kept in a list; the user ticks up to 8 of
 * them, picks a profile, the date and the client's age, and the pane writes the comparison workbook (four new
 * sheets: live REMB formulas, the scenarios, a values-only client copy, the price simulation) in three round trips.
 */
interface NiveauPropose {
  readonly grille: Grille;
  readonly niveau: string;
  choisi: boolean;
}

const proposes: NiveauPropose[] = [];

/** Adds the levels of a grid (once: a grid read again replaces its earlier reading). */
export async function ajouterNiveaux(g: Grille): Promise<void> {
  const { CONTRATS_MAX } = await charger();
  for (let i = proposes.length - 1; i >= 0; i--) if (proposes[i]!.grille.nom === g.nom) proposes.splice(i, 1);
  const dejaChoisis = proposes.filter((p) => p.choisi).length;
  g.niveaux.forEach((n, i) => proposes.push({ grille: g, niveau: n.nom, choisi: dejaChoisis + i < CONTRATS_MAX }));
  rendre();
  message(`${g.niveaux.length} niveaux de « ${g.nom} » ajoutés à la comparaison.`, "info", "m-comparer");
}

export async function preparerFormulaire(): Promise<void> {
  const { PROFILS } = await charger();
  const profil = par<HTMLSelectElement>("c-profil");
  if (profil.options.length <= 1) for (const p of PROFILS) profil.append(el("option", { value: p.code }, p.libelle));
  const date = par<HTMLInputElement>("c-date");
  if (date.value === "") date.value = isoDepuisJour(aujourdhui());
}

function rendre(): void {
  const liste = par("c-niveaux");
  vider(liste);
  proposes.forEach((p, i) => {
    const id = `c-niveau-${i}`;
    const caseACocher = el("input", { type: "checkbox", id, checked: p.choisi });
    caseACocher.addEventListener("change", () => (p.choisi = caseACocher.checked));
    liste.append(el("li", { class: "ligne-champ case" }, caseACocher, el("label", { for: id }, `${p.grille.nom} — ${p.niveau}`)));
  });
}

export async function ecrireComparaison(h: Hote): Promise<void> {
  const { comparer, CONTRATS_MAX, NOMS_FEUILLES, plansComparaison, profilParCode, scenariosAuJour } = await charger();
  const choisis = proposes.filter((p) => p.choisi);
  if (choisis.length === 0) throw new ErreurVolet("Aucun niveau coché : chargez une grille, « Ajouter ses niveaux », puis cochez ceux à comparer.");
  if (choisis.length > CONTRATS_MAX) throw new ErreurVolet(`${choisis.length} niveaux cochés : ${CONTRATS_MAX} au plus.`);
  const texteDate = par<HTMLInputElement>("c-date").value;
  const date = texteDate === "" ? aujourdhui() : jourDepuisIso(texteDate);
  const texteAge = par<HTMLInputElement>("c-age").value.trim();
  const age = texteAge === "" ? undefined : Number(texteAge.replace(",", "."));
  if (age !== undefined && (!Number.isFinite(age) || age < 0 || age > 125)) throw new ErreurVolet(`Âge invalide : « ${texteAge} » — de 0 à 125 ans.`);
  const codeProfil = par<HTMLSelectElement>("c-profil").value;
  const barre = par<HTMLProgressElement>("p-comparer");
  barre.hidden = false;
  barre.value = 0;
  message("Écriture de la comparaison…", "info", "m-comparer");
  try {
    const scenarios = scenariosAuJour(date, age === undefined ? {} : { age });
    const profil = codeProfil === "" ? undefined : profilParCode(codeProfil).nombres;
    const c = comparer(
      choisis.map((p) => ({ grille: p.grille, niveau: p.niveau })),
      { date, scenarios, ...(profil ? { profil } : {}) },
    );
    const hypotheses = age === undefined ? "client adulte" : `client de ${age} ans`;
    // The comparison formulas name the scenario sheet: its final name is chosen before the plans are built.
    const noms = await nomsDesFeuilles(h);
    const pris = [...noms];
    const libre = (souhait: string) => {
      const n = nomLibre(souhait, pris);
      pris.push(n);
      return n;
    };
    // In the order ecrireFeuilles names them, so that it finds the same free names.
    const choisi = {
      comparaison: libre(NOMS_FEUILLES.comparaison),
      scenarios: libre(NOMS_FEUILLES.scenarios),
      copie: libre(NOMS_FEUILLES.copie),
      simulation: libre(NOMS_FEUILLES.simulation),
    };
    const plans = plansComparaison(c, choisi, hypotheses);
    const res = await ecrireFeuilles(
      h,
      plans,
      (fait, total) => {
        barre.max = total;
        barre.value = fait;
      },
      noms,
    );
    const omis = res.omis.length > 0 ? ` Non écrits avec cette version d'Excel : ${res.omis.join(", ")}.` : "";
    message(
      `Comparaison de ${choisis.length} niveaux écrite dans « ${res.noms[0]} », avec « ${res.noms[1]} » et « ${res.noms[2]} ».${omis}`,
      "succes",
      "m-comparer",
    );
  } catch (e) {
    message(texteErreur(e), "erreur", "m-comparer");
  } finally {
    barre.hidden = true;
  }
}
