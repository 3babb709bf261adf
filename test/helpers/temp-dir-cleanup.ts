import { afterAll } from "vitest";
import { removeTempDirs } from "./temp-dir.js";

// A setup file runs inside every test file, so this hook ends each file by removing its temp folders.
afterAll(removeTempDirs);
