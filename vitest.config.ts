import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The SDK's Node.js 20 notice is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/component/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Ink draws only the final frame under CI; the screens are tested as a terminal shows them.
          env: { CI: 'false' },
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          // A real S3 server (Ceph RGW) for the whole run; see scripts/rgw/.
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The end-to-end tests drive real terminals: one file at a time keeps them steady on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
