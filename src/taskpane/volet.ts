import { dateFr, jourDepuisIso } from "../core/dates";
import { par } from "./dom";
import type { Hote } from "./excel-io";
import { hoteExcel } from "./hote-excel";
import { appliquerTheme, tache } from "./ui";
import { parametresVerifiesLe, VERSION_REMB } from "./versions";

/**
 * The pane's first screen: says where it runs (Excel and its API level, or demo mode), REMB's and the legal
 * parameters' versions, and wires the buttons. The controller (grid reading, rules, report) is a chunk fetched right
 * after, in the background: the first screen shows without waiting for the rules, and a first click finds them
 * loaded (or waits for them once).
 */
type Mode = "excel" | "demo";
type Controle = typeof import("./controle");

export async function demarrer(mode: Mode): Promise<void> {
  appliquerTheme();
  let module: Promise<Controle> | undefined;
  // A failed fetch (server unreachable) is tried again on the next click.
  const importer = (): Promise<Controle> =>
    (module ??= import(/* webpackChunkName: "controle" */ "./controle").catch((e: unknown) => {
      module = undefined;
      throw e;
    }));
  let hote: Hote;
  if (mode === "demo") {
    // The demo workbook is loaded by the controller's chunk, so that the core modules both use are loaded once.
    hote = await (await importer()).creerDemo(par("demo"));
    par("contexte").textContent = "Mode démonstration : hors d'Excel, le volet travaille sur le classeur de démonstration ci-contre.";
  } else {
    hote = hoteExcel();
    par("contexte").textContent =
      `Dans Excel · ExcelApi ${hote.niveauApi()}${hote.supporte("1.13") ? "" : " (cellules fusionnées non lues : ExcelApi 1.13 requis)"}`;
  }
  par("parametres").textContent = `REMB ${VERSION_REMB} · paramètres légaux vérifiés le ${dateFr(jourDepuisIso(parametresVerifiesLe()))} ·`;

  let pret: Promise<Controle> | undefined;
  const charger = (): Promise<Controle> => {
    pret ??= importer().then((m) => {
      m.initialiser(hote, mode);
      return m;
    });
    pret.catch(() => (pret = undefined));
    return pret;
  };
  const sur = (id: string, evenement: string, f: (c: Controle, e: Event) => Promise<void> | void) =>
    par(id).addEventListener(evenement, (e) => void tache(async () => f(await charger(), e)));

  sur("b-selection", "click", (c) => c.chargerSelection());
  sur("f-fichier", "change", (c, e) => {
    const champ = e.target as HTMLInputElement;
    const f = champ.files?.[0];
    champ.value = "";
    return f ? c.chargerFichier(f) : undefined;
  });
  sur("b-exemple", "click", (c) => c.chargerExemple(par<HTMLSelectElement>("s-exemple").value));
  sur("b-feuille", "click", (c) => c.choisirFeuilleXlsx());
  par("f-details").addEventListener("submit", (e) => e.preventDefault());
  sur("f-details", "submit", (c) => c.appliquerDetails());
  sur("c-averifier", "change", (c, e) => c.changerFiltre((e.target as HTMLInputElement).checked));
  sur("b-verifier", "click", (c) => c.verifierEtMontrer());
  sur("b-rapport", "click", (c) => c.ecrire("rapport"));
  sur("b-normalisee", "click", (c) => c.ecrire("normalisee"));
  sur("b-ajouter-comparaison", "click", (c) => c.ajouterALaComparaison());
  sur("b-comparer", "click", (c) => c.ecrireLaComparaison());
  for (const id of ["b-selection", "f-fichier", "s-exemple", "b-exemple"]) par<HTMLButtonElement>(id).disabled = false;
  void charger().catch(() => undefined);
}
