/** The seeded catalogue's vocabulary: categories, their subcategories and topics, and the level ladder of each topic. */
export interface SeedSubcategory {
  subcategory: string;
  topics: { name: string; tags: string[]; tools: string[] }[];
}

/** `'Name:tag,tag:tool,tool; …'`, one topic per entry, so the table stays readable at a glance. */
const subcategory = (name: string, spec: string): SeedSubcategory => ({
  subcategory: name,
  topics: spec.split(';').map((entry) => {
    const [topic, tags = '', tools = ''] = entry.trim().split(':');
    return { name: topic, tags: tags.split(',').filter(Boolean), tools: tools.split(',').filter(Boolean) };
  }),
});

export const SEED_CATEGORIES: { category: string; industries: string[]; subcategories: SeedSubcategory[] }[] = [
  {
    category: 'programming',
    industries: ['Software', 'Finance', 'E-commerce'],
    subcategories: [
      subcategory(
        'languages',
        'Python:scripting,backend:pytest,pip; JavaScript:web,frontend:npm,node; TypeScript:web,types:tsc; Go:backend,concurrency:go; Rust:systems,memory:cargo; Java:backend,jvm:maven,gradle',
      ),
      subcategory(
        'web-development',
        'React:frontend,ui:vite; Vue:frontend,ui:vite; Node.js APIs:backend,rest:fastify; GraphQL:api,schema:apollo; CSS Layout:frontend,styling:sass; Web Accessibility:a11y,frontend:axe',
      ),
      subcategory(
        'software-engineering',
        'Unit Testing:quality,tests:vitest,jest; Refactoring:quality,clean-code:; Git Workflows:version-control:git; Code Review:collaboration,quality:; Design Patterns:architecture,oop:; Debugging:troubleshooting:gdb',
      ),
    ],
  },
  {
    category: 'data-science',
    industries: ['Healthcare', 'Finance', 'Retail'],
    subcategories: [
      subcategory(
        'analysis',
        'SQL Querying:databases,analytics:postgres; Pandas:python,dataframes:jupyter; Statistics:math,inference:r; Data Visualization:charts,storytelling:tableau; Spreadsheet Modeling:excel,finance:excel; A/B Testing:experiments,product:',
      ),
      subcategory(
        'machine-learning',
        'Regression Models:ml,prediction:scikit-learn; Classification:ml,supervised:scikit-learn; Deep Learning:neural-networks:pytorch; Natural Language Processing:nlp,text:spacy; Computer Vision:images,cnn:opencv; Recommender Systems:personalization,ranking:',
      ),
      subcategory(
        'data-engineering',
        'ETL Pipelines:pipelines,batch:airflow; Data Warehousing:olap,modeling:snowflake; Stream Processing:streaming,events:kafka; Data Quality:validation,monitoring:great-expectations; Spark:big-data,distributed:spark; dbt Modeling:analytics-engineering:dbt',
      ),
    ],
  },
  {
    category: 'design',
    industries: ['Media', 'Software', 'Advertising'],
    subcategories: [
      subcategory(
        'product-design',
        'User Research:ux,interviews:; Wireframing:ux,prototyping:figma; Interaction Design:ux,motion:figma; Design Systems:ui,components:storybook; Usability Testing:ux,tests:; Information Architecture:ux,navigation:',
      ),
      subcategory(
        'visual-design',
        'Typography:type,layout:; Color Theory:color,branding:; Illustration:drawing,art:procreate; Logo Design:branding,identity:illustrator; Photo Editing:images,retouching:photoshop; Motion Graphics:animation,video:after-effects',
      ),
      subcategory(
        'three-d',
        '3D Modeling:3d,meshes:blender; Texturing:3d,materials:substance; Rendering:3d,lighting:blender; Character Rigging:3d,animation:maya; Game Art:games,assets:unity; Product Visualization:3d,marketing:keyshot',
      ),
    ],
  },
  {
    category: 'business',
    industries: ['Consulting', 'Retail', 'Software'],
    subcategories: [
      subcategory(
        'management',
        'Project Management:planning,delivery:jira; Agile Coaching:scrum,kanban:; People Management:leadership,feedback:; Strategic Planning:strategy,okrs:; Negotiation:deals,communication:; Change Management:organization,leadership:',
      ),
      subcategory(
        'marketing',
        'SEO:search,content:search-console; Content Marketing:writing,content:; Email Marketing:campaigns,automation:mailchimp; Social Media Marketing:social,community:; Marketing Analytics:analytics,attribution:ga4; Brand Strategy:branding,positioning:',
      ),
      subcategory(
        'finance',
        'Bookkeeping:accounting,ledgers:quickbooks; Financial Modeling:valuation,forecasting:excel; Budgeting:planning,cost:; Investing Basics:stocks,portfolio:; Tax Preparation:taxes,compliance:; Startup Fundraising:venture,pitching:',
      ),
    ],
  },
  {
    category: 'languages',
    industries: ['Education', 'Tourism', 'Translation'],
    subcategories: [
      subcategory(
        'european',
        'Spanish:speaking,grammar:; French:speaking,grammar:; German:speaking,grammar:; Italian:speaking,grammar:; Portuguese:speaking,grammar:; Dutch:speaking,grammar:',
      ),
      subcategory(
        'asian',
        'Japanese:kanji,speaking:; Mandarin Chinese:hanzi,tones:; Korean:hangul,speaking:; Hindi:devanagari,speaking:; Vietnamese:tones,speaking:; Thai:script,speaking:',
      ),
      subcategory(
        'communication',
        'Public Speaking:presenting,confidence:; Business Writing:email,clarity:; Technical Writing:docs,clarity:; Copywriting:persuasion,ads:; Sign Language:asl,accessibility:; Translation:localization,languages:',
      ),
    ],
  },
  {
    category: 'music',
    industries: ['Entertainment', 'Media', 'Education'],
    subcategories: [
      subcategory(
        'instruments',
        'Guitar:strings,chords:; Piano:keys,chords:; Drums:rhythm,percussion:; Violin:strings,bowing:; Bass Guitar:strings,grooves:; Ukulele:strings,chords:',
      ),
      subcategory(
        'production',
        'Music Theory:harmony,scales:; Mixing:audio,eq:ableton; Mastering:audio,loudness:; Sound Design:synthesis,audio:serum; Beat Making:rhythm,production:fl-studio; Songwriting:lyrics,melody:',
      ),
      subcategory(
        'voice',
        'Singing:voice,pitch:; Voice Acting:voice,performance:; Podcasting:audio,interviews:audacity; Choir Singing:voice,harmony:; Vocal Health:voice,technique:; Beatboxing:voice,rhythm:',
      ),
    ],
  },
  {
    category: 'cloud-devops',
    industries: ['Software', 'Telecom', 'Finance'],
    subcategories: [
      subcategory(
        'infrastructure',
        'Linux Administration:servers,shell:bash; Docker:containers,images:docker; Kubernetes:containers,orchestration:kubectl,helm; Terraform:iac,provisioning:terraform; AWS:cloud,services:aws-cli; Networking:tcp,dns:',
      ),
      subcategory(
        'operations',
        'CI/CD Pipelines:automation,delivery:github-actions; Monitoring:observability,alerts:prometheus; Incident Response:on-call,postmortems:; Site Reliability:sre,slo:; Logging:observability,search:elasticsearch; Cost Optimization:finops,cloud:',
      ),
      subcategory(
        'security',
        'Application Security:owasp,appsec:; Identity and Access:iam,oauth:; Penetration Testing:offensive,tests:burp; Cryptography:encryption,keys:; Threat Modeling:risk,design:; Security Compliance:soc2,audits:',
      ),
    ],
  },
  {
    category: 'wellness',
    industries: ['Health', 'Fitness', 'Education'],
    subcategories: [
      subcategory(
        'fitness',
        'Strength Training:gym,muscle:; Running:endurance,cardio:; Yoga:flexibility,breathing:; Pilates:core,posture:; Swimming:water,endurance:; Cycling:endurance,bike:',
      ),
      subcategory(
        'mind',
        'Meditation:mindfulness,focus:; Stress Management:resilience,calm:; Sleep Hygiene:rest,habits:; Habit Building:routine,goals:; Journaling:reflection,writing:; Breathwork:breathing,calm:',
      ),
      subcategory(
        'nutrition',
        'Meal Planning:food,planning:; Plant-Based Cooking:vegan,recipes:; Baking:bread,pastry:; Sports Nutrition:protein,performance:; Fermentation:food,preservation:; Knife Skills:cooking,technique:',
      ),
    ],
  },
];

/** Each topic's ladder, easiest first: each level builds on the one before; difficulty climbs from 1 to 10 along it. */
export const SEED_LEVELS = [
  'Foundations',
  'Essentials',
  'Workshop',
  'in Practice',
  'Tooling',
  'Intermediate',
  'Patterns',
  'Projects',
  'Case Studies',
  'Performance',
  'Advanced',
  'Mastery',
  'Expert Techniques',
  'Mentoring',
] as const;
