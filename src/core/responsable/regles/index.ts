import type { Regle } from "../regle";
import { ticketModerateur } from "./ticket-moderateur";
import { depassementsNonOptam } from "./depassements-non-optam";
import { optiqueClasseA } from "./optique-classe-a";
import { plafondOptiqueB, plancherOptiqueB } from "./optique-classe-b";
import { montureB } from "./monture";
import { renouvellementAudio, renouvellementOptique } from "./renouvellement";
import { audioClasseI, audioClasseII } from "./audio";
import { dentaire100Sante } from "./dentaire-100-sante";
import { forfaitJournalier } from "./forfait-journalier";
import { reseauMedecins } from "./reseau-medecins";
import { franchises, participationForfaitaire } from "./participations";
import { depassementsHorsParcours, majorationHorsParcours } from "./hors-parcours";
import { forfaitUrgences } from "./fpu";
import { ani } from "./ani";
import { prothesesCapillaires, vphRenforcee } from "./capillaires-vph";

/** Every grid-checkable rule of docs/verification.md, in the order of the articles. */
export const REGLES: readonly Regle[] = [
  participationForfaitaire,
  franchises,
  majorationHorsParcours,
  depassementsHorsParcours,
  ticketModerateur,
  depassementsNonOptam,
  optiqueClasseA,
  plancherOptiqueB,
  plafondOptiqueB,
  montureB,
  renouvellementOptique,
  audioClasseI,
  audioClasseII,
  renouvellementAudio,
  dentaire100Sante,
  forfaitJournalier,
  prothesesCapillaires,
  vphRenforcee,
  forfaitUrgences,
  ani,
  reseauMedecins,
];
