// Types for the plain-script NAA bridge simulation (it sets globalThis.__createNaaBridgeSim).
export {};
