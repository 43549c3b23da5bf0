import assert from "node:assert/strict";
import { comparerArticles, construireInstantane } from "../../../scripts/legi-instantane";
import { nouveautes } from "../../../scripts/legi-nouveautes";
import type { ArticlePaquet, Consolidation } from "../../../scripts/legi-paquet";

/**
 * The two scripts around the snapshot of the CSS, on made-up consolidations of the package (no download): the
 * snapshot takes every version from the newest package and each text from the newest package that held it in
 * force; the update report lists new versions, changed dates and changed texts.
 */

const V1 = { id: "LEGIARTI000000000001", etat: "MODIFIE", debut: "2019-01-13", fin: "2025-11-28" };
const V2 = { id: "LEGIARTI000000000002", etat: "VIGUEUR", debut: "2025-11-28", fin: null };

function article(id: string, texte: string, versions: ArticlePaquet["versions"]): ArticlePaquet {
  return { num: "R871-2", cid: "LEGIARTI000000000000", id, texte, versions, modifiePar: ["Décret n°2025-1131 du 26 novembre 2025 - art. 1"] };
}

function consolidation(paquet: string, date: string, a: ArticlePaquet): Consolidation {
  return { paquet, date, articles: new Map([["R871-2", a]]) };
}

const recente = consolidation("2.513.0", "2026-03-14", article(V2.id, "texte de 2025 : 1 700 euros", [V1, V2]));
const ancienne = consolidation("2.263.0", "2023-06-01", article(V1.id, "texte de 2019", [{ ...V1, etat: "VIGUEUR", fin: null }]));

describe("scripts/legi-instantane.ts and scripts/legi-nouveautes.ts", () => {
  const instantane = construireInstantane([recente, ancienne], new Set(["R871-2"]));

  it("keeps the newest package's version list and each version's text from the newest package holding it", () => {
    const a = instantane.articles["R871-2"]!;
    assert.deepEqual(
      a.versions.map((v) => [v.id, v.etat, v.fin, v.texte, v.lu]),
      [
        [V1.id, "MODIFIE", "2025-11-28", "texte de 2019", "2023-06-01"],
        [V2.id, "VIGUEUR", null, "texte de 2025 : 1 700 euros", "2026-03-14"],
      ],
    );
    assert.deepEqual(instantane.paquets, [
      { version: "2.513.0", consolidation: "2026-03-14" },
      { version: "2.263.0", consolidation: "2023-06-01" },
    ]);
  });

  it("refuses an article the newest package does not have", () => {
    assert.throws(() => construireInstantane([recente], new Set(["R871-9"])), /R871-9 absent/);
  });

  it("sorts article numbers as the code reads them", () => {
    assert.deepEqual(["D160-10", "R871-2", "D160-9", "L162-5-3", "L162-5"].sort(comparerArticles), ["D160-9", "D160-10", "L162-5", "L162-5-3", "R871-2"]);
  });

  it("reports nothing against the package it was made from, and the news of a later one", () => {
    assert.deepEqual(nouveautes(instantane, recente, new Set(["R871-2"])), []);
    const V3 = { id: "LEGIARTI000000000003", etat: "VIGUEUR_DIFF", debut: "2027-01-01", fin: null };
    const plusTard = consolidation(
      "2.600.0",
      "2026-12-01",
      article(V2.id, "texte de 2025 corrigé", [V1, { ...V2, etat: "ABROGE_DIFF", fin: "2027-01-01" }, V3]),
    );
    const liste = nouveautes(instantane, plusTard, new Set(["R871-2", "L862-4"])).map((n) => `${n.article} ${n.texte}`);
    assert.deepEqual(liste, [
      "L862-4 cité par les données mais absent du paquet",
      `R871-2 version ${V2.id} modifiée : VIGUEUR 2025-11-28 → … devient ABROGE_DIFF 2025-11-28 → 2027-01-01`,
      `R871-2 nouvelle version ${V3.id} (VIGUEUR_DIFF) du 2027-01-01`,
      `R871-2 le texte de la version ${V2.id} a changé depuis sa lecture`,
    ]);
  });
});
