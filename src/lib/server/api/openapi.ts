import { ENGINE_VERSION, RIASEC_IDS, SKILL_IDS } from '$lib/engine';
import {
	ENTRY_LEVELS,
	FINANCING_KINDS,
	REGISTRATION_TO_CHECK,
	REMOTE_LEVELS,
	TRAINING_FORMATS,
	TRAINING_KINDS
} from '$lib/vocabulary';
import { DURATION_LIMITS } from '../catalog/directory';
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
			summary: 'Digital careers, trainings, the quiz questions with their loadings, and the matching engine.',
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
					summary: 'One career: every section of its profile, its vector and its trainings',
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }
					],
					responses: {
						'200': { description: 'The career', content: jsonContent(ref('Career')) },
						'404': errorResponse('No career with this slug')
					}
				}
			},
			'/trainings': {
				get: {
					operationId: 'listTrainings',
					summary: 'Trainings, short paths first; filters as on the /formations page',
					parameters: [
						{
							name: 'q',
							in: 'query',
							schema: { type: 'string' },
							description: 'Search (accent- and case-insensitive)'
						},
						{ name: 'type', in: 'query', schema: { type: 'string', enum: [...TRAINING_KINDS] } },
						{
							name: 'duree',
							in: 'query',
							schema: { type: 'string', enum: [...DURATION_LIMITS] },
							description: 'At most 6, 12 or 24 months, or more than 24'
						},
						{
							name: 'niveau',
							in: 'query',
							schema: { type: 'integer', minimum: 0, maximum: 8 },
							description: 'Bac+N reached'
						},
						{ name: 'format', in: 'query', schema: { type: 'string', enum: [...TRAINING_FORMATS] } },
						{ name: 'financement', in: 'query', schema: { type: 'string', enum: [...FINANCING_KINDS] } },
						{ name: 'metier', in: 'query', schema: { type: 'string' }, description: 'A career slug' }
					],
					responses: {
						'200': {
							description: 'The trainings',
							content: jsonContent({ type: 'array', items: ref('Training') })
						},
						'400': errorResponse('A filter has an unknown value; `field` names the parameter')
					}
				}
			},
			'/trainings/{slug}': {
				get: {
					operationId: 'getTraining',
					summary: 'One training',
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }
					],
					responses: {
						'200': { description: 'The training', content: jsonContent(ref('Training')) },
						'404': errorResponse('No training with this slug')
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
			'/quiz/next': {
				post: {
					operationId: 'quizNext',
					summary:
						'The adaptive quiz, stateless: the next question for the answers so far (nothing is stored)',
					requestBody: {
						required: true,
						description:
							'Every answer so far, by question id (`{}` or `{ "answers": {} }` for the first question). The same answers always give the same next question.',
						content: jsonContent({
							type: 'object',
							additionalProperties: false,
							properties: {
								answers: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } }
							}
						})
					},
					responses: {
						'200': {
							description: 'The next question, or done, and the top 5 so far',
							content: jsonContent(ref('QuizNextResponse'))
						},
						'400': errorResponse(
							'Invalid JSON, unknown question, value out of range; `field` names the culprit'
						),
						'413': errorResponse('Body too large'),
						'415': errorResponse('Body is not JSON')
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
					required: ['slug', 'title', 'family', 'familyName', 'hook', 'entryLevel'],
					properties: {
						slug: { type: 'string' },
						title: { type: 'string' },
						family: { type: 'string' },
						familyName: { type: 'string' },
						hook: { type: 'string' },
						entryLevel: {
							type: 'string',
							enum: [...ENTRY_LEVELS],
							description: 'The lowest level of study that commonly leads to a first job in this career.'
						}
					}
				},
				Career: {
					allOf: [
						ref('CareerSummary'),
						{
							type: 'object',
							required: [
								'summary',
								'description',
								'scene',
								'missions',
								'softSkills',
								'technicalSkills',
								'salary',
								'workWith',
								'workplaces',
								'paths',
								'testimonial',
								'similar',
								'trainings',
								'onet',
								'vector'
							],
							properties: {
								summary: { type: 'string' },
								description: { type: 'array', items: { type: 'string' } },
								scene: { type: 'string' },
								missions: { type: 'array', items: { type: 'string' } },
								softSkills: { type: 'array', items: { type: 'string' } },
								technicalSkills: { type: 'array', items: { type: 'string' } },
								salary: {
									type: 'object',
									description: 'Gross yearly euros in France',
									properties: {
										junior: { type: 'integer' },
										confirmed: { type: 'integer' },
										expert: { type: 'integer' },
										year: { type: 'integer' },
										sources: { type: 'array', items: { type: 'string' } }
									}
								},
								workWith: {
									type: 'array',
									items: {
										type: 'object',
										properties: {
											role: { type: 'string' },
											slug: { type: 'string' },
											why: { type: 'string' }
										}
									}
								},
								workplaces: {
									type: 'object',
									properties: {
										employers: { type: 'array', items: { type: 'string' } },
										freelance: { type: 'string' },
										publicSector: { type: 'string' },
										remote: { type: 'string', enum: [...REMOTE_LEVELS] },
										remoteNote: { type: 'string' }
									}
								},
								paths: {
									type: 'object',
									properties: { short: { type: 'string' }, long: { type: 'string' } }
								},
								testimonial: {
									type: 'object',
									description: 'An illustrative portrait, not a real person',
									properties: {
										name: { type: 'string' },
										age: { type: 'integer' },
										role: { type: 'string' },
										quote: { type: 'string' },
										illustrative: { const: true }
									}
								},
								similar: { type: 'array', items: { type: 'string' }, description: 'Career slugs' },
								trainings: { type: 'array', items: { type: 'string' }, description: 'Training slugs' },
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
				Training: {
					type: 'object',
					required: [
						'slug',
						'name',
						'kind',
						'track',
						'durationMonths',
						'level',
						'registration',
						'formats',
						'cost',
						'financing',
						'prerequisites',
						'summary',
						'providers',
						'careers',
						'skills'
					],
					properties: {
						slug: { type: 'string' },
						name: { type: 'string' },
						kind: { type: 'string', enum: [...TRAINING_KINDS] },
						track: { type: 'string', enum: ['court', 'long'] },
						durationMonths: { type: 'integer' },
						level: {
							type: 'object',
							properties: { bac: { type: ['integer', 'null'] }, rncp: { type: ['integer', 'null'] } }
						},
						registration: {
							type: 'object',
							description: `Registration with France compétences: a code, « ${REGISTRATION_TO_CHECK} » (said to exist, not checked), or null (none). The CPF funds registered certifications only.`,
							properties: {
								rncp: { type: ['string', 'null'], examples: ['RNCP37873', REGISTRATION_TO_CHECK] },
								rs: { type: ['string', 'null'], examples: ['RS5481'] }
							}
						},
						formats: { type: 'array', items: { type: 'string', enum: [...TRAINING_FORMATS] } },
						cost: { type: 'string' },
						financing: { type: 'array', items: { type: 'string', enum: [...FINANCING_KINDS] } },
						prerequisites: { type: 'string' },
						summary: { type: 'string' },
						providers: { type: 'string' },
						careers: { type: 'array', items: { type: 'string' } },
						skills: { type: 'array', items: { type: 'string', enum: [...SKILL_IDS] } }
					}
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
										enum: [
											'few_answers',
											'flat_interests',
											'flat_skills',
											'uniform_answers',
											'acquiescence',
											'unsettled'
										]
									}
								},
								coverage: unit,
								interestSpread: { type: 'number' },
								skillSpread: { type: 'number' }
							}
						},
						matches: { type: 'array', items: ref('Match') }
					}
				},
				Match: {
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
				},
				QuizNextResponse: {
					type: 'object',
					required: ['done', 'next', 'page', 'asked', 'settled', 'matches'],
					properties: {
						done: {
							type: 'boolean',
							description: 'True when the quiz stops: the top 3 is settled, or 20 questions were asked'
						},
						next: {
							oneOf: [ref('Question'), { type: 'null' }],
							description: 'The next question to ask (null when done)'
						},
						page: {
							type: 'array',
							items: ref('Question'),
							description: 'The page it opens: 1 to 4 questions to ask together'
						},
						asked: { type: 'integer', description: 'Questions of the bank answered so far' },
						settled: { type: 'boolean' },
						matches: {
							type: 'array',
							maxItems: 5,
							items: ref('Match'),
							description: 'The top 5 so far, as in /match'
						}
					}
				}
			}
		}
	};
}
