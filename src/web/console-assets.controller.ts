import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Public } from '../auth/public.decorator';
import { ASSETS_DIR, consoleStylesheet } from './console-stylesheet';
import { packageFile } from './package-files';

/** The files the console's pages load, by name: nothing else is served from these folders. */
const FILES: Record<string, () => string> = {
  'console.js': () => join(ASSETS_DIR, 'console.js'),
  'sign-in-finish.js': () => join(ASSETS_DIR, 'sign-in-finish.js'),
  'dashboard-charts.js': () => join(ASSETS_DIR, 'dashboard-charts.js'),
  'favicon.svg': () => join(ASSETS_DIR, 'favicon.svg'),
  'govuk-frontend.min.js': () => packageFile('govuk-frontend', 'dist/govuk/govuk-frontend.min.js'),
  'htmx.min.js': () => packageFile('htmx.org', 'dist/htmx.min.js'),
  'chart.umd.min.js': () => packageFile('chart.js', 'dist/chart.umd.min.js'),
};

/** How long a browser may keep an asset; pages ask for them with the app's version (`?v=`). */
const MAX_AGE_SECONDS = 3600;

/**
 * The console's stylesheet, its scripts and the design system's and libraries' browser files,
 * served by the app itself from node_modules and src/web/assets (dist/web/assets after a build),
 * so that `npm start` needs no second server and no build step of its own.
 */
@ApiExcludeController()
@Public()
@Controller('assets')
export class ConsoleAssetsController {
  private stylesheet: { css: string; etag: string } | null = null;

  @Get(':name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    if (name === 'console.css') {
      this.stylesheet ??= ConsoleAssetsController.withEtag(consoleStylesheet());
      response
        .setHeader('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`)
        .setHeader('ETag', this.stylesheet.etag)
        .type('css')
        .send(this.stylesheet.css);
      return;
    }
    const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (!file) throw new NotFoundException(`No console asset is called ${name}`);
    response.setHeader('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
    response.sendFile(file(), { cacheControl: false });
  }

  private static withEtag(css: string): { css: string; etag: string } {
    return { css, etag: `"${createHash('sha256').update(css).digest('base64url').slice(0, 27)}"` };
  }
}
