import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Express } from 'express';
import { Logger } from 'pino';
import { createHttpLogger } from './common/logging';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { createJsonBodyParser } from './common/json-body';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';

/**
 * Everything an app needs besides its modules; shared by `main.ts` and the e2e tests. Call it
 * before `init()` or `listen()`: the JSON parser registered here takes the place of Nest's own.
 */
export function configureApp(app: INestApplication, logger: Logger): void {
  // The client address sign-in limits count by: from X-Forwarded-For only through proxies we run.
  const { trustProxyHops } = app.get<AppConfig>(APP_CONFIG);
  if (trustProxyHops > 0) {
    app.get(HttpAdapterHost).httpAdapter.getInstance<Express>().set('trust proxy', trustProxyHops);
  }
  app.use(createHttpLogger(logger));
  app.use(createJsonBodyParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('onewayin')
      .setDescription(
        'Case handling for a municipal citizen service center: contacts, cases, routing, service targets and accessibility statistics.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
