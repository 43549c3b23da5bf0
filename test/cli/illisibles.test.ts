import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { grilleDepuisXlsx } from "../../src/cli/xlsx";
import { grilleDepuisCsv, grilleDepuisJson } from "../../src/core/grille";
import { classeur, dossierTemporaire, FIXTURES, lancer, RACINE } from "./outils";

/**
 * Unreadable inputs: each is reported with the importer's own French message (computed here by calling the importer,
 * so the test follows the importer's wording), the batch goes on with the other files, and the exit code is 2.
 */
const CSV = path.join(RACINE, "test/fixtures/grilles/csv");

async function messageImport(lire: () => unknown): Promise<string> {
  try {
    await lire();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("l'import aurait dû échouer");
}

describe("cli: unreadable inputs", () => {
  const tmp = dossierTemporaire();
  const r = tmp.chemin;
  const cas: { fichier: string; message: string; format: string | null }[] = [];

  before(async () => {
    const copier = (nom: string, vers = nom) => copyFileSync(path.join(CSV, nom), path.join(r, vers));
    const octets = (nom: string) => readFileSync(path.join(r, nom));
    const csv = async (nom: string) => cas.push({ fichier: nom, format: "csv", message: await messageImport(() => grilleDepuisCsv(octets(nom))) });
    const json = async (nom: string) => cas.push({ fichier: nom, format: "json", message: await messageImport(() => grilleDepuisJson(octets(nom))) });
    const xlsx = async (nom: string, feuille?: string) =>
      cas.push({ fichier: nom, format: "xlsx", message: await messageImport(() => grilleDepuisXlsx(octets(nom), feuille !== undefined ? { feuille } : {})) });

    // Fixtures of the CSV reader (test/fixtures/grilles/csv).
    copier("vide.csv");
    await csv("vide.csv");
    copier("espaces.csv");
    await csv("espaces.csv");
    copier("guillemet-ouvert.csv");
    await csv("guillemet-ouvert.csv");
    copier("classeur-renomme.csv");
    await csv("classeur-renomme.csv");
    // binaire.bin: an unknown extension, sent to the CSV reader by its content.
    copier("binaire.bin");
    cas.push({ fichier: "binaire.bin", format: "csv", message: await messageImport(() => grilleDepuisCsv(octets("binaire.bin"))) });
    writeFileSync(path.join(r, "rapport.csv"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    await csv("rapport.csv");
    writeFileSync(path.join(r, "ancien.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await csv("ancien.xls");

    // JSON.
    writeFileSync(path.join(r, "vide.json"), "");
    await json("vide.json");
    writeFileSync(path.join(r, "casse.json"), '{ "nom": "Grille", ');
    await json("casse.json");
    writeFileSync(path.join(r, "package.json"), JSON.stringify({ name: "x", version: "1.0.0" }));
    await json("package.json");
    mkdirSync(path.join(r, "json"));
    copyFileSync(path.join(RACINE, "test/fixtures/grilles/json/erreur-lignes.json"), path.join(r, "json/descripteur.json"));
    await json("json/descripteur.json");

    // XLSX.
    writeFileSync(path.join(r, "vide.xlsx"), "");
    await xlsx("vide.xlsx");
    writeFileSync(path.join(r, "texte.xlsx"), "Garanties;Niveau 1\n");
    await xlsx("texte.xlsx");
    const notes = new ExcelJS.Workbook();
    notes.addWorksheet("Notes").getCell("A1").value = "Pas de grille ici";
    writeFileSync(path.join(r, "notes.xlsx"), new Uint8Array((await notes.xlsx.writeBuffer()) as ArrayBuffer));
    await xlsx("notes.xlsx");
  });
  after(() => tmp.supprimer());

  it("each is reported with the importer's message, every other file is still checked, exit code 2", async () => {
    writeFileSync(path.join(r, "bonne.csv"), readFileSync(path.join(FIXTURES, "grilles/mutuelle-exemple.csv")));
    const fichiers = cas.map((c) => c.fichier);
    const l = await lancer(["verifier", ...fichiers.slice(0, 5), "bonne.csv", ...fichiers.slice(5), "--json"], { cwd: r });
    assert.equal(l.code, 2);
    const doc = JSON.parse(l.stdout) as {
      grilles: { fichier: string; format: string | null; nom: string | null; erreur?: { etape: string; message: string; interne: boolean } }[];
      resume: Record<string, number>;
    };
    const illisibles = doc.grilles.filter((g) => g.fichier !== "bonne.csv");
    assert.deepEqual(
      illisibles.map((g) => ({ fichier: g.fichier, format: g.format, message: g.erreur?.message })),
      cas.map((c) => ({ fichier: c.fichier, format: c.format, message: c.message })),
    );
    assert.ok(illisibles.every((g) => g.erreur?.etape === "lecture" && g.erreur.interne === false && g.nom === null));
    assert.equal(doc.grilles.find((g) => g.fichier === "bonne.csv")?.nom, "Mutuelle Exemple — Garanties 2026");
    assert.deepEqual(
      l.appels.map((a) => a.grille),
      ["Mutuelle Exemple — Garanties 2026"],
    );
    assert.deepEqual(doc.resume, { grilles: cas.length + 1, conformes: 0, sousReserve: 1, nonConformes: 0, illisibles: cas.length, nonVerifiees: 0 });
  });

  it("the messages are the French ones users are meant to read (spot checks)", () => {
    const m = Object.fromEntries(cas.map((c) => [c.fichier, c.message]));
    assert.match(m["vide.csv"]!, /^Fichier vide/);
    assert.match(m["binaire.bin"]!, /^Contenu binaire/);
    assert.match(m["classeur-renomme.csv"]!, /classeur Excel \(\.xlsx, archive ZIP\), pas un CSV/);
    assert.match(m["ancien.xls"]!, /ancien classeur Excel \(\.xls\)/);
    assert.match(m["rapport.csv"]!, /PDF/);
    assert.match(m["texte.xlsx"]!, /pas un classeur XLSX/);
    assert.match(m["notes.xlsx"]!, /^Feuille « Notes » : /);
  });

  it("the text report says ILLISIBLE with the message", async () => {
    const l = await lancer(["verifier", "vide.csv"], { cwd: r });
    assert.equal(l.stdout, `vide.csv\n  Résultat       ILLISIBLE — ${cas[0]!.message}\n\n1 grille : 0 conforme, 0 non conforme, 1 illisible.\n`);
  });

  it("a file over the limit of its format is refused before being read (5 Mo for CSV and JSON, 20 Mo for XLSX)", async () => {
    writeFileSync(path.join(r, "enorme.csv"), "");
    truncateSync(path.join(r, "enorme.csv"), 60 * 1024 * 1024);
    writeFileSync(path.join(r, "enorme.xlsx"), "");
    truncateSync(path.join(r, "enorme.xlsx"), 21 * 1024 * 1024);
    const l = await lancer(["verifier", "enorme.csv", "enorme.xlsx", "--json"], { cwd: r });
    assert.equal(l.code, 2);
    assert.deepEqual(
      JSON.parse(l.stdout).grilles.map((g: { erreur: { message: string } }) => g.erreur.message),
      [
        "Fichier trop gros (60 Mo) : au plus 5 Mo pour un tableau de garanties CSV ou JSON, qui fait d'ordinaire quelques dizaines de Ko.",
        "Fichier trop gros (21 Mo) : au plus 20 Mo pour un classeur de garanties, qui fait d'ordinaire quelques dizaines de Ko.",
      ],
    );
  });

  it("--feuille names a sheet the workbook does not have: the importer lists the sheets", async () => {
    writeFileSync(path.join(r, "classeur.xlsx"), await classeur());
    const l = await lancer(["verifier", "classeur.xlsx", "--feuille", "Tableau", "--json"], { cwd: r });
    assert.equal(l.code, 2);
    assert.equal(JSON.parse(l.stdout).grilles[0].erreur.message, "Feuille « Tableau » absente du classeur (feuilles : Notes, Garanties 2026).");
    const bonne = await lancer(["verifier", "classeur.xlsx", "--feuille", "Garanties 2026", "--json"], { cwd: r });
    assert.equal(JSON.parse(bonne.stdout).grilles[0].source.feuille, "Garanties 2026");
  });
});
