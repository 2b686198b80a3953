import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The host serves the build at /app/ (platform/Platform.Host/Startup/WebAppHosting.cs).
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:5000', '/app/config.json': 'http://localhost:5000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, manifest: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 60_000, // antd tables under jsdom take ~10 s per test on this 2-core machine, 25+ s when it is loaded
  },
});
