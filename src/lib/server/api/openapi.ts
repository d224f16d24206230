import { ENGINE_VERSION, RIASEC_IDS, SKILL_IDS } from '$lib/engine';
import { MAX_JSON_BODY_BYTES } from './body';

const unit = { type: 'number', minimum: 0, maximum: 1 } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: jsonContent(ref('Error')) });

const block = (ids: readonly string[], required: boolean) => ({
	type: 'object',
	additionalProperties: false,
	properties: Object.fromEntries(ids.map((id) => [id, unit])),
	...(required ? { required: [...ids] } : {})
});

const reading = {
	type: 'object',
	required: ['dimension', 'person', 'career'],
	properties: {
		dimension: { type: 'string', enum: [...RIASEC_IDS, ...SKILL_IDS] },
		person: unit,
		career: unit
	}
};

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Boussole API',
			version: '1.0.0',
			summary: 'Digital careers, the quiz questions with their loadings, and the matching engine.',
			description: `Open, read-only data and a stateless matching endpoint (engine ${ENGINE_VERSION}). Values are on a 0–1 scale. Errors are JSON: { "error": { "code", "message", "field"? } }. Career data derived from O*NET (USDOL/ETA, CC BY 4.0), modified.`,
			license: {
				name: 'CC BY 4.0 (data derived from O*NET)',
				url: 'https://creativecommons.org/licenses/by/4.0/'
			}
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		paths: {
			'/careers': {
				get: {
					operationId: 'listCareers',
					summary: 'All careers, in family order',
					responses: {
						'200': {
							description: 'The careers',
							content: jsonContent({ type: 'array', items: ref('CareerSummary') })
						}
					}
				}
			},
			'/careers/{slug}': {
				get: {
					operationId: 'getCareer',
					summary: 'One career with its vector',
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }
					],
					responses: {
						'200': { description: 'The career', content: jsonContent(ref('Career')) },
						'404': errorResponse('No career with this slug')
					}
				}
			},
			'/questions': {
				get: {
					operationId: 'listQuestions',
					summary: 'The quiz questions with their loadings (negative = reverse-keyed)',
					responses: {
						'200': {
							description: 'The questions',
							content: jsonContent({ type: 'array', items: ref('Question') })
						}
					}
				}
			},
			'/match': {
				post: {
					operationId: 'match',
					summary: 'Rank all careers for answers or a profile (nothing is stored)',
					requestBody: {
						required: true,
						description: `Either Likert answers by question id, or a profile. Missing dimensions are unknown, not zero. At most ${MAX_JSON_BODY_BYTES} bytes.`,
						content: jsonContent({ oneOf: [ref('AnswersInput'), ref('ProfileInput')] })
					},
					responses: {
						'200': { description: 'Every career, best first', content: jsonContent(ref('MatchResponse')) },
						'400': errorResponse(
							'Empty body, invalid JSON, unknown question or dimension, value out of range or of the wrong type; `field` names the culprit'
						),
						'413': errorResponse('Body too large'),
						'415': errorResponse('Body is not JSON')
					}
				}
			}
		},
		components: {
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string' },
								message: { type: 'string' },
								field: {
									type: 'string',
									description: 'Dotted path of the faulty field, e.g. answers.r-demonter-appareil'
								}
							}
						}
					}
				},
				Vector: {
					type: 'object',
					required: ['riasec', 'skills'],
					properties: { riasec: block(RIASEC_IDS, true), skills: block(SKILL_IDS, true) }
				},
				CareerSummary: {
					type: 'object',
					required: ['slug', 'title', 'family', 'familyName', 'hook'],
					properties: {
						slug: { type: 'string' },
						title: { type: 'string' },
						family: { type: 'string' },
						familyName: { type: 'string' },
						hook: { type: 'string' }
					}
				},
				Career: {
					allOf: [
						ref('CareerSummary'),
						{
							type: 'object',
							required: ['summary', 'onet', 'vector'],
							properties: {
								summary: { type: 'string' },
								onet: {
									type: 'object',
									properties: {
										code: { type: 'string' },
										title: { type: 'string' },
										analogQuality: { type: 'string', enum: ['direct', 'approx', 'guess'] }
									}
								},
								vector: ref('Vector')
							}
						}
					]
				},
				Question: {
					type: 'object',
					required: ['id', 'text', 'textEn', 'loadings'],
					properties: {
						id: { type: 'string' },
						text: { type: 'string', description: 'French' },
						textEn: { type: 'string' },
						loadings: {
							type: 'object',
							propertyNames: { enum: [...RIASEC_IDS, ...SKILL_IDS] },
							additionalProperties: { type: 'number', minimum: -1, maximum: 1 }
						}
					}
				},
				AnswersInput: {
					type: 'object',
					additionalProperties: false,
					required: ['answers'],
					properties: {
						answers: {
							type: 'object',
							minProperties: 1,
							description:
								'Question id → Likert answer (1 = pas du tout d’accord … 5 = tout à fait d’accord)',
							additionalProperties: { type: 'integer', minimum: 1, maximum: 5 }
						}
					}
				},
				ProfileInput: {
					type: 'object',
					additionalProperties: false,
					required: ['profile'],
					properties: {
						profile: {
							type: 'object',
							additionalProperties: false,
							properties: { riasec: block(RIASEC_IDS, false), skills: block(SKILL_IDS, false) }
						}
					}
				},
				MatchResponse: {
					type: 'object',
					required: ['engineVersion', 'catalogueVersion', 'profile', 'quality', 'matches'],
					properties: {
						engineVersion: { type: 'string' },
						catalogueVersion: { type: 'string' },
						profile: {
							type: 'object',
							properties: {
								values: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
								confidence: { type: 'object', additionalProperties: unit }
							}
						},
						quality: {
							type: 'object',
							properties: {
								level: { type: 'string', enum: ['good', 'limited', 'weak'] },
								flags: {
									type: 'array',
									items: {
										type: 'string',
										enum: ['few_answers', 'flat_interests', 'flat_skills', 'uniform_answers']
									}
								},
								coverage: unit,
								interestSpread: { type: 'number' },
								skillSpread: { type: 'number' }
							}
						},
						matches: {
							type: 'array',
							items: {
								type: 'object',
								required: ['slug', 'title', 'score', 'band', 'drivers', 'gaps'],
								properties: {
									slug: { type: 'string' },
									title: { type: 'string' },
									score: { type: 'integer', minimum: 0, maximum: 100 },
									band: { type: 'string', enum: ['tres_proche', 'proche', 'a_explorer'] },
									interestFit: { type: ['number', 'null'] },
									skillFit: { type: ['number', 'null'] },
									drivers: { type: 'array', items: reading },
									gaps: { type: 'array', items: reading },
									unknown: { type: 'array', items: { type: 'string' } }
								}
							}
						}
					}
				}
			}
		}
	};
}
