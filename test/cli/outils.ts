import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { executer, type Verificateur } from "../../src/cli/cli";
import type { DelaisLecture } from "../../src/cli/entrees";
import { jourDepuisIso, type Jour } from "../../src/core/dates";
import { RembError } from "../../src/core/errors";
import type { Constat, OptionsVerification, RapportVerification } from "../../src/core/responsable";

/**
 * Shared by the CLI tests: a fake validator that returns the fixed findings of test/fixtures/cli/constats-factices.json
 * (so the CLI's mechanics are tested apart from what the law says of a grid), captured output streams, and a
 * temporary copy of the fixture grids with an XLSX workbook generated next to them.
 */
export const RACINE = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(RACINE, "test/fixtures/cli");
/** « Today » for the fake validator's default date, so reports are reproducible. */
export const AUJOURDHUI: Jour = jourDepuisIso("2026-03-01");

interface Factice {
  readonly constats?: Constat[];
  readonly leve?: "RembError" | "Error";
}

const TABLE = (JSON.parse(readFileSync(path.join(FIXTURES, "constats-factices.json"), "utf8")) as { grilles: Record<string, Factice> }).grilles;

export interface AppelVerificateur {
  readonly grille: string;
  readonly options: OptionsVerification;
}

/**
 * Stands for verifierGrille: the date comes from the option, else the grid, else AUJOURDHUI (the documented default of
 * OptionsVerification); findings from the table by grid name; counts computed from them.
 */
export function fauxVerificateur(appels: AppelVerificateur[] = []): Verificateur {
  return (g, o): RapportVerification => {
    appels.push({ grille: g.nom, options: o });
    const f = TABLE[g.nom] ?? {};
    if (f.leve === "RembError")
      throw new RembError("PARAMETRE_AVANT_DEBUT", `Aucune règle du contrat responsable avant le 01/01/2006 (factice) pour « ${g.nom} ».`);
    if (f.leve === "Error") throw new TypeError(`Cannot read properties of undefined (factice, « ${g.nom} »)`);
    const constats = f.constats ?? [];
    const n = (gr: string) => constats.filter((c) => c.gravite === gr).length;
    const [date, origineDate] =
      o.date !== undefined ? [o.date, "option" as const] : g.dateEffet !== undefined ? [g.dateEffet, "grille" as const] : [AUJOURDHUI, "aujourdhui" as const];
    return { grille: g.nom, date, origineDate, constats, erreurs: n("erreur"), alertes: n("alerte"), infos: n("info"), conforme: n("erreur") === 0 };
  };
}

export class Capture {
  texte = "";
  constructor(readonly isTTY = false) {}
  write(s: string): boolean {
    this.texte += s;
    return true;
  }
}

export interface Lancement {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly appels: AppelVerificateur[];
}

/** Runs the CLI in-process with the fake validator, no colours and an empty environment unless told otherwise. */
export async function lancer(
  argv: readonly string[],
  o: { cwd?: string; env?: Record<string, string>; tty?: boolean; verifier?: Verificateur; delaisLecture?: DelaisLecture } = {},
): Promise<Lancement> {
  const stdout = new Capture(o.tty ?? false);
  const stderr = new Capture();
  const appels: AppelVerificateur[] = [];
  const code = await executer(argv, {
    verifier: o.verifier ?? fauxVerificateur(appels),
    stdout,
    stderr,
    env: o.env ?? {},
    cwd: o.cwd ?? RACINE,
    ...(o.delaisLecture ? { delaisLecture: o.delaisLecture } : {}),
  });
  return { code, stdout: stdout.texte, stderr: stderr.texte, appels };
}

export function dossierTemporaire(prefixe = "remb-cli-test-"): { chemin: string; supprimer(): void } {
  const chemin = mkdtempSync(path.join(os.tmpdir(), prefixe));
  return { chemin, supprimer: () => rmSync(chemin, { recursive: true, force: true }) };
}

/**
 * A workbook as insurers send them: a notes sheet first, then the grid with a title, a date cell, levels over
 * réseau / hors réseau and % formats. Written once per run (exceljs stamps the time inside, the content is the same).
 */
export async function classeur(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").getCell("A1").value = "Lisez-moi";
  const ws = wb.addWorksheet("Garanties 2026");
  ws.getCell("B2").value = "Santé Plus";
  ws.getCell("B3").value = "Date d'effet";
  ws.getCell("C3").value = new Date(Date.UTC(2026, 0, 1));
  ws.getCell("B5").value = "Garanties";
  ws.getCell("C5").value = "Niveau 1";
  ws.mergeCells("C5:D5");
  ws.getCell("C6").value = "Réseau";
  ws.getCell("D6").value = "Hors réseau";
  ws.getCell("B7").value = "SOINS COURANTS";
  ws.getCell("B8").value = "Frais de séjour";
  ws.getCell("C8").value = "100 % BR";
  ws.getCell("D8").value = "100 % BR";
  ws.getCell("B9").value = "Consultation généraliste OPTAM";
  ws.getCell("B10").value = "Consultation généraliste non OPTAM";
  for (const [a, v] of [
    ["C9", 1.5],
    ["D9", 1.2],
    ["C10", 1],
    ["D10", 0.9],
  ] as const) {
    ws.getCell(a).value = v;
    ws.getCell(a).numFmt = "0%";
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The tree the golden tests run on (cwd = its root, so reports show short relative paths):
 *   grilles/            the fixture grids (mutuelle-exemple.csv, sous-dossier/…, notes.md) + classeur.xlsx
 *   illisibles/         empty CSV, renamed XLSX, a JSON that is not a grid, a corrupt XLSX, grids the fake refuses
 *   binaire.bin         binary content (named explicitly: .bin is not picked up from folders)
 */
export async function arbreDeTest(racine: string): Promise<void> {
  cpSync(path.join(FIXTURES, "grilles"), path.join(racine, "grilles"), { recursive: true });
  writeFileSync(path.join(racine, "grilles/classeur.xlsx"), await classeur());
  const ill = path.join(racine, "illisibles");
  mkdirSync(ill);
  const csv = path.join(RACINE, "test/fixtures/grilles/csv");
  copyFileSync(path.join(csv, "vide.csv"), path.join(ill, "vide.csv"));
  copyFileSync(path.join(csv, "classeur-renomme.csv"), path.join(ill, "classeur-renomme.csv"));
  copyFileSync(path.join(csv, "binaire.bin"), path.join(racine, "binaire.bin"));
  writeFileSync(path.join(ill, "pas-une-grille.json"), '{ "name": "remb", "version": "0.1.0" }\n');
  writeFileSync(path.join(ill, "corrompu.xlsx"), Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(60, 0x41)]));
  const grilleJson = (nom: string) => JSON.stringify({ nom, niveaux: ["Base"], lignes: [{ libelle: "Frais de séjour", garanties: ["100 % BR"] }] });
  writeFileSync(path.join(ill, "plante.json"), grilleJson("Grille qui plante"));
  writeFileSync(path.join(ill, "trop-ancienne.json"), grilleJson("Grille trop ancienne"));
}

/**
 * Compares with a golden file under test/fixtures/cli/; `REMB_MAJ_GOLDEN=1 npm run test:unit` rewrites them (then
 * review the diff before committing).
 */
export function comparerGolden(nom: string, obtenu: string): void {
  const fichier = path.join(FIXTURES, nom);
  if (process.env.REMB_MAJ_GOLDEN) writeFileSync(fichier, obtenu);
  assert.equal(obtenu, readFileSync(fichier, "utf8"), `sortie différente de ${path.relative(RACINE, fichier)} (REMB_MAJ_GOLDEN=1 pour la réécrire)`);
}
