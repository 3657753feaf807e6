--liquibase formatted sql

--changeset learnflow:exercise-002
ALTER TABLE exercise RENAME COLUMN module TO topic;
ALTER TABLE exercise RENAME COLUMN prompt TO problem_description;
ALTER TABLE exercise RENAME COLUMN reference_solution TO solution_code;
ALTER TABLE exercise RENAME COLUMN test_setup TO test_setup_code;
ALTER TABLE exercise RENAME COLUMN tests TO test_cases;
ALTER TABLE exercise ALTER COLUMN source_task_id DROP NOT NULL;
ALTER TABLE exercise ALTER COLUMN function_name DROP NOT NULL;
ALTER TABLE exercise ALTER COLUMN solution_code DROP NOT NULL;
ALTER TABLE exercise ALTER COLUMN test_cases DROP NOT NULL;
ALTER TABLE exercise ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'CODE';
ALTER TABLE exercise ADD COLUMN title varchar(200);
ALTER TABLE exercise ADD COLUMN starter_code text;
ALTER TABLE exercise ADD COLUMN hints text NOT NULL DEFAULT '[]';
ALTER TABLE exercise ADD COLUMN estimated_completion_time integer NOT NULL DEFAULT 10;
ALTER TABLE exercise ADD COLUMN tags text NOT NULL DEFAULT '[]';
ALTER TABLE exercise ADD COLUMN complexity integer NOT NULL DEFAULT 0;
ALTER TABLE exercise ADD COLUMN options text;
ALTER TABLE exercise ADD COLUMN answer_key varchar(8);
ALTER TABLE exercise ADD COLUMN rationale_right text;
ALTER TABLE exercise ADD COLUMN cognitive_level varchar(16);
ALTER TABLE exercise ADD COLUMN created_by uuid;
ALTER TABLE exercise ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE exercise ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- today's levels become the data model's difficulties, and the asserts become named tests
UPDATE exercise SET difficulty = CASE difficulty WHEN 'BEGINNER' THEN 'EASY' WHEN 'INTERMEDIATE' THEN 'MEDIUM'
    ELSE 'HARD' END;
UPDATE exercise SET title = function_name WHERE title IS NULL;
UPDATE exercise SET test_cases = (SELECT json_agg(json_build_object('name', 'check ' || position, 'statement', statement,
    'hidden', false) ORDER BY position)::text
    FROM json_array_elements_text(test_cases::json) WITH ORDINALITY AS t(statement, position));
ALTER TABLE exercise ALTER COLUMN title SET NOT NULL;

ALTER TABLE exercise ADD CONSTRAINT exercise_topic CHECK (topic IN ('VARIABLES', 'CONDITIONALS', 'LOOPS', 'FUNCTIONS',
    'LISTS', 'DICTIONARIES', 'STRINGS', 'CLASSES'));
ALTER TABLE exercise ADD CONSTRAINT exercise_difficulty CHECK (difficulty IN ('EASY', 'MEDIUM', 'HARD'));
ALTER TABLE exercise ADD CONSTRAINT exercise_kind CHECK (kind IN ('CODE', 'MCQ'));
ALTER TABLE exercise ADD CONSTRAINT exercise_cognitive_level CHECK (cognitive_level IS NULL OR cognitive_level IN
    ('REMEMBER', 'UNDERSTAND', 'APPLY', 'ANALYZE', 'EVALUATE', 'CREATE'));
ALTER TABLE exercise ADD CONSTRAINT exercise_code_has_tests CHECK (kind <> 'CODE'
    OR (solution_code IS NOT NULL AND test_cases IS NOT NULL));
ALTER TABLE exercise ADD CONSTRAINT exercise_mcq_has_key CHECK (kind <> 'MCQ'
    OR (options IS NOT NULL AND answer_key IS NOT NULL AND rationale_right IS NOT NULL));
ALTER TABLE exercise ADD CONSTRAINT exercise_estimated_time CHECK (estimated_completion_time > 0);
ALTER INDEX exercise_module_difficulty RENAME TO exercise_topic_difficulty;
