import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { emailDelivery, emailSendResult } from '../schemas';
import { guestIdBody, noPaging, slug, templateVariables } from './local-fields';

/*
 * Communication API. Doc: "Required scopes: communication:read (read) · communication:write (write)";
 * `communication.send` is listed in the scope table for sending. Dotted spellings are equivalent.
 */

export const sendEmail = defineOperation({
  vendor: 'nectifi',
  key: 'sendEmail',
  resource: 'email',
  label: 'Send Email',
  description: 'Sends one of your Nectifi email templates to a guest.',
  method: 'POST',
  path: '/communication/email/send',
  // Sending an email twice cannot be undone and the doc shows no idempotency key: unsafe.
  safety: 'unsafe',
  unknownOutcomeHint:
    "Look up the guest's timeline in Nectifi for the email before sending it again.",
  fields: {
    guest_id: guestIdBody('to email (the guest needs an email address)'),
    template_slug: {
      in: 'json',
      // Decision (doc gap: format unstated): lower-case letters, digits, "_" and "-", as welcome_email.
      schema: () => slug('template slug', 'welcome_email'),
      label: 'Template',
      help: 'The slug of the email template to send, as shown in your Nectifi workspace (no spaces), e.g. welcome_email.',
      example: 'welcome_email',
    },
    variables: {
      in: 'json',
      schema: () => z.optional(templateVariables()),
      label: 'Variables',
      help: 'Values for the template\'s placeholders, as names and values (text, number or true/false), e.g. {"guest_name": "Alex"}. Leave empty if the template has none.',
      example: { guest_name: 'Alex' },
    },
  },
  returns: 'object',
  output: emailSendResult,
  sample: { request_id: 1001, status: 'queued' },
  paging: noPaging,
  scopes: ['communication:write', 'communication.write', 'communication.send'],
});

export const getDeliveryStatus = defineOperation({
  vendor: 'nectifi',
  key: 'getDeliveryStatus',
  resource: 'email',
  label: 'Get Delivery Status',
  description: 'Gets whether an email sent with Send Email was delivered.',
  method: 'GET',
  path: '/communication/deliveries/{request_id}',
  fields: {
    request_id: {
      in: 'path',
      // Decision (vendor-decisions, "Delivery status request_id"): the request_id returned by Send
      // Email, an integer in the doc's example (1001).
      schema: () => f.positiveId(),
      label: 'Request ID',
      help: 'The request_id returned by Send Email, a whole number, e.g. 1001.',
      example: 1001,
    },
  },
  returns: 'object',
  output: emailDelivery,
  sample: {
    request_id: 1001,
    status: 'delivered',
    guest_id: 42,
    email: 'alex@example.com',
    template_slug: 'welcome_email',
    sent_at: '2026-06-20T12:00:05+00:00',
    delivered_at: '2026-06-20T12:00:09+00:00',
  },
  paging: noPaging,
  safety: 'read',
  scopes: ['communication:read', 'communication.read'],
});
