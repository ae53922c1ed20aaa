// Intentionally empty: lets Vitest import modules marked server-only.
export {};
